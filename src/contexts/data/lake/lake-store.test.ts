import { describe, expect, it } from 'vitest';
import { assertKey } from '../../../core/storage/file-store.js';
import { dataKey, isLakeKey, manifestKey } from './lake-store.js';

describe('the lake layout', () => {
  it('puts a version at lake/<dataset>/<resource>/v<N>/data.parquet and its manifest under _manifests/', () => {
    expect(dataKey('seoul-bikes', 'seoul-bikes--table', 3)).toBe('lake/seoul-bikes/seoul-bikes--table/v3/data.parquet');
    expect(manifestKey('seoul-bikes', 'seoul-bikes--table', 3)).toBe('lake/seoul-bikes/seoul-bikes--table/_manifests/v3.json');
  });

  it('keeps every segment one safe store key segment, whatever the id', () => {
    for (const id of ['../etc', '서울 자전거', '.hidden', 'a/b']) {
      const key = dataKey(id, 'r', 1);
      expect(() => assertKey(key)).not.toThrow();
      expect(key.split('/')).toHaveLength(5);
      expect(isLakeKey(key)).toBe(true);
    }
  });

  it('tells a published lake key from a draft or an older local path', () => {
    expect(isLakeKey('lake/a/a--table/v12/data.parquet')).toBe(true);
    for (const p of [
      'lake/a/a--table/v12.parquet',
      '/var/lake/a/a--table/v1/data.parquet',
      'lake/a/v1/data.parquet',
      'lake/../x/v1/data.parquet',
      'lake/a/b/v1/data.parquet.part',
    ]) {
      expect(isLakeKey(p), p).toBe(false);
    }
  });
});
