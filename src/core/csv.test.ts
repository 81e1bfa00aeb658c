import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes what needs quoting, writes objects as JSON, starts with a BOM', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, { k: 1 }]])).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n,"{""k"":1}"\r\n');
  });
});
