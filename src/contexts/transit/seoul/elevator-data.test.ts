import { describe, expect, it } from 'vitest';
import { describeElevatorData, type ElevatorFacts } from './elevator-data.js';
import { SEOUL_FILES } from './sources.js';

const lift = (source: string, line: string | null, details: Record<string, string> = {}) => ({
  type: 'elevator',
  line_id: line,
  source,
  details: JSON.stringify(details),
});
const base: ElevatorFacts = {
  stationName: { ko: '여의도', en: 'Yeouido' },
  sections: ['5', '9'],
  riderLines: [
    { id: '5', name_ko: '5호선', name_en: 'Line 5', lineIds: ['5'] },
    { id: '9', name_ko: '9호선', name_en: 'Line 9', lineIds: ['9'] },
  ],
  facilities: [],
  phones: [],
};

describe("what the sources say about a station's elevators", () => {
  it('says in words when no source lists one, and that we have no phone either', () => {
    const d = describeElevatorData({
      ...base,
      sections: ['신림선'],
      riderLines: [{ id: '신림선', name_ko: '신림선', name_en: 'Sillim Line', lineIds: ['신림선'] }],
    });
    expect(d.known).toBe(false);
    expect(d.message.ko).toContain('찾아본 자료 어디에도 나와 있지 않습니다');
    expect(d.message.ko).toContain('전화번호도 자료에 없습니다');
    expect(d.message.en).toContain('No source we searched lists an elevator at Yeouido');
    expect(d.sources.map((s) => [s.file, s.applies, s.listed])).toEqual([
      [SEOUL_FILES.elevators.file, false, 0],
      [SEOUL_FILES.cityElevators.file, true, 0],
    ]);
  });

  it('names the lines without elevator data and gives the station phone', () => {
    const d = describeElevatorData({
      ...base,
      phones: [{ line: '5', phone: '02-6311-5261' }],
      facilities: [lift(SEOUL_FILES.elevators.file, '5'), lift(SEOUL_FILES.cityElevators.file, null, { lat: '37.5', lon: '126.9', maybeSameAs: 'x:1' })],
    });
    expect(d).toMatchObject({ known: true, elevators: 1, positionsOnly: 1 });
    expect(d.lines.map((l) => [l.id, l.known])).toEqual([
      ['5', true],
      ['9', false],
    ]);
    expect(d.message.ko).toBe(
      '9호선: 이 노선으로 가는 엘리베이터는 자료에 나와 있지 않습니다. 가기 전에 역에 확인하세요. 이 역의 엘리베이터 위치 1곳은 서울시 자료에 있지만, 어느 노선으로 가는지는 자료에 없습니다. 역 전화: 02-6311-5261 (5호선)',
    );
    expect(d.message.en).toContain('Station phone: 02-6311-5261 (Line 5)');
    expect(d.sources[1]!.said.en).toContain('1 may be Seoul Metro elevators already listed');
  });

  it('says every line has data when it does, without asking to call', () => {
    const d = describeElevatorData({
      ...base,
      sections: ['5'],
      riderLines: [base.riderLines[0]!],
      facilities: [lift(SEOUL_FILES.elevators.file, '5', { lat: '37.5', lon: '126.9', positionRow: `${SEOUL_FILES.cityElevators.file}:3` })],
    });
    expect(d.message.en).toBe('Every line of this station has elevator data.');
    expect(d.withPosition).toBe(1);
    expect(d.sources[1]!.listed).toBe(1);
  });
});
