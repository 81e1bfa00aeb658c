import { describe, expect, it } from 'vitest';
import { buildSerializerFactory } from './serializer-compiler.js';

const shared = {
  Text: { $id: 'Text', type: 'object', properties: { ko: { type: 'string' }, en: { type: ['string', 'null'] } } },
  // A tree: refers to itself and to Text.
  Node: { $id: 'Node', type: 'object', properties: { name: { $ref: 'Text' }, children: { type: 'array', items: { $ref: 'Node' } } } },
  Page: { $id: 'Page', type: 'object', properties: { root: { $ref: 'Node#' }, total: { type: 'integer' } } },
  // Invalid for fast-json-stringify, which validates every shared schema it is handed: no response here reaches it.
  Broken: { $id: 'Broken', type: 'no such type' },
};
const compile = (schema: object) => buildSerializerFactory(shared)({ schema });

describe('buildSerializerFactory: each response gets the shared schemas it reaches', () => {
  it('serializes through refs of refs and a recursive schema', () => {
    const serialize = compile({ type: 'object', properties: { page: { $ref: 'Page' } } });
    const page = {
      root: { name: { ko: '서울', en: null }, children: [{ name: { ko: '종로구', en: 'Jongno-gu', extra: 1 }, children: [] }] },
      total: 2,
      hidden: 'dropped',
    };
    expect(JSON.parse(serialize({ page }))).toEqual({
      page: { root: { name: { ko: '서울', en: null }, children: [{ name: { ko: '종로구', en: 'Jongno-gu' }, children: [] }] }, total: 2 },
    });
  });

  it('hands no shared schema to a response that reaches none (the broken one would throw)', () => {
    expect(compile({ type: 'object', properties: { n: { type: 'integer' } } })({ n: 3 })).toBe('{"n":3}');
    expect(() => compile({ type: 'object', properties: { b: { $ref: 'Broken' } } })).toThrow();
  });

  it('serializes a shared schema given as the response itself', () => {
    expect(compile(shared.Text)({ ko: '가', en: null })).toBe('{"ko":"가","en":null}');
  });
});
