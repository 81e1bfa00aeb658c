import { describe, expect, it } from 'vitest';
import { riderLineAliases, riderLineOfSection, stationRiderLines } from './rider-lines.js';

const summary = (sections: string[], molit: string[]) =>
  stationRiderLines(sections, new Set(molit)).map((r) => `${r.riderLineId}[${r.lineIds.join('+')}|${r.alsoCalled.join('+')}|${r.basis}]`);

describe('lines under the names riders use', () => {
  it('names a section with one rider line by it, keeping the legal name as "also called"', () => {
    expect(riderLineOfSection('경부선')?.ko).toBe('1호선');
    expect(riderLineOfSection('일산선')?.ko).toBe('3호선');
    expect(riderLineOfSection('공항철도1호선')?.en).toBe('AREX (Airport Railroad)');
    expect(summary(['경부선'], ['1'])).toEqual(['1[경부선|경부선|molit]']);
    expect(summary(['2', '경부선'], [])).toEqual(['1[경부선|경부선|section]', '2[2||section]']);
    expect(summary(['9호선(연장)'], ['9'])).toEqual(['9[9호선(연장)||molit]']); // a stretch of line 9, not another name
    expect(summary(['공항철도1호선'], ['공항철도'])).toEqual(['공항철도[공항철도1호선|공항철도1호선|molit]']);
  });

  it('asks MOLIT which service a shared section carries at a station (경원선 at 옥수 is not 1호선)', () => {
    expect(riderLineOfSection('경원선')).toBeNull();
    expect(summary(['3', '경원선'], ['3', '경의중앙선'])).toEqual(['3[3||molit]', '경의중앙선[경원선|경원선|molit]']);
    expect(summary(['경원선'], ['1', '경춘선'])).toEqual(['1[경원선|경원선|molit]', '경춘선[||molit]']);
    // MOLIT silent: the section's first rider line, marked as assumed.
    expect(summary(['경원선'], [])).toEqual(['1[경원선|경원선|section]']);
  });

  it('adds services MOLIT lists at a station the master gives no section for (수인분당선 at 청량리)', () => {
    expect(summary(['1', '경원선'], ['1', '수인분당선', '경의중앙선', '경춘선'])).toEqual([
      '1[1+경원선|경원선|molit]',
      '수인분당선[||molit]',
      '경의중앙선[경원선|경원선|molit]',
      '경춘선[||molit]',
    ]);
  });

  it('keeps a section it does not know under its own name', () => {
    expect(summary(['새노선'], [])).toEqual(['새노선[새노선||section]']);
  });

  it('lists the legal names of a rider line for search', () => {
    expect(riderLineAliases('1').sort()).toEqual(['경부선', '경원선', '경인선', '장항선']);
    expect(riderLineAliases('수인분당선').sort()).toEqual(['분당선', '수인선', '안산선']);
  });
});
