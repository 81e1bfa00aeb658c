import { describe, expect, it } from 'vitest';
import { nullableFor30 } from './openapi-nullable.js';

const NULL = { type: 'object', nullable: true, enum: [null] };

describe('nullableFor30', () => {
  it('turns a union with null into nullable: a $ref into allOf, one schema merged, several kept', () => {
    expect(nullableFor30({ anyOf: [{ $ref: '#/components/schemas/Localized' }, NULL], description: 'd' })).toEqual({
      allOf: [{ $ref: '#/components/schemas/Localized' }],
      nullable: true,
      description: 'd',
    });
    expect(nullableFor30({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({ type: 'string', nullable: true });
    expect(nullableFor30({ anyOf: [{ type: 'string' }, { type: 'number' }, NULL] })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
      nullable: true,
    });
  });
  it('rewrites at any depth and leaves other unions alone', () => {
    const doc = {
      paths: {
        '/x': { get: { schema: { properties: { a: { anyOf: [{ type: 'integer' }, NULL] }, b: { anyOf: [{ type: 'integer' }, { type: 'string' }] } } } } },
      },
    };
    expect(nullableFor30(doc).paths['/x'].get.schema.properties).toEqual({
      a: { type: 'integer', nullable: true },
      b: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
    });
  });
});
