import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { compilePending, validatorCompiler } from './validation.js';

type Validate = ((data: unknown, cxt?: object) => boolean) & { errors?: unknown[] | null; schemaEnv?: unknown };
const compile = (schema: object, httpPart: string) => validatorCompiler({ schema, httpPart, method: 'GET', url: '/x' } as never) as unknown as Validate;

describe('validatorCompiler: route schemas compiled on first use', () => {
  it('validates, and hands fastify the errors of the failed call', () => {
    const validate = compile(Type.Object({ name: Type.String() }, { additionalProperties: false }), 'body');
    expect(validate({ name: '서울' })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ name: 1, extra: true })).toBe(false);
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining({ instancePath: '/name' })]));
  });

  it('coerces a query string, and replaces a coerced root value through the parent fastify passes', () => {
    const query = compile(Type.Object({ limit: Type.Integer() }), 'querystring');
    const data = { limit: '20' };
    expect(query(data)).toBe(true);
    expect(data.limit).toBe(20);
    const param = compile(Type.Integer(), 'params');
    expect(param.schemaEnv).toBeTruthy(); // fastify passes { parentData, parentDataProperty } when this is set
    const parent = { id: '7' };
    expect(param(parent.id, { parentData: parent, parentDataProperty: 'id' })).toBe(true);
    expect(parent.id).toBe(7);
  });

  it('compilePending compiles what no request has used yet, and a broken schema fails there', () => {
    compilePending();
    compile(Type.Object({ a: Type.String() }), 'body');
    compile({ $ref: '#/definitions/missing' }, 'body');
    expect(() => compilePending()).toThrow(/missing/);
  });
});
