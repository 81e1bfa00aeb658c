import { describe, expect, it } from 'vitest';
import { unplacedFacilities, type UnplacedFacility } from './unplaced.js';

const station = (unplaced: unknown[] = []) => ({ location_type: 1, extra: JSON.stringify(unplaced.length ? { unplaced } : {}) });
const place = { location_type: 0, extra: '{}' };
const ride = (facilityId: string) => ({ extra: JSON.stringify({ facilityId }), provenance: '{}' });
const facility = (id: string, type = 'elevator', levels: string | null = 'B2-B1') => ({ id, type, name: `시설 ${id}`, line_id: '3', levels, location: null });
const stored: UnplacedFacility = {
  facilityId: 'L',
  type: 'wheelchair_lift',
  line: '3',
  name: '휠체어리프트',
  levels: 'B1-B1',
  location: null,
  reason: 'ends_not_in_data',
  place: null,
};

describe('unplacedFacilities', () => {
  it('lists every way-facility no pathway stands for: the derivation\'s reason when stored, else "not in the interior"', () => {
    const list = unplacedFacilities({ nodes: [station([stored]), place], edges: [ride('E1')] }, [
      facility('E1'),
      facility('E2'),
      facility('L', 'wheelchair_lift', 'B1-B1'),
      facility('T', 'accessible_toilet', null),
    ]);
    expect(list.map((u) => [u.facilityId, u.reason])).toEqual([
      ['E2', 'not_in_interior'],
      ['L', 'ends_not_in_data'],
    ]);
    expect(list[0]!.message).toEqual({
      ko: '시설 목록에는 있지만 역 내부 연결도에는 없습니다.',
      en: 'In the facility list but not in the station interior map.',
    });
    expect(list[1]!.message.ko).toContain('두 끝이');
  });

  it('says the place an end was left out at, and the section that could not be read', () => {
    const left = { ...stored, facilityId: 'E', type: 'elevator', reason: 'end_left_out' as const, place: 'B2 연결 지점', levels: 'B4-B2' };
    const odd = { ...stored, facilityId: 'S', type: 'escalator', reason: 'section_unreadable' as const, levels: '지하 1' };
    const list = unplacedFacilities({ nodes: [station([left, odd, { facilityId: 'X', reason: 'made_up' }]), place], edges: [] }, [
      facility('E'),
      facility('S', 'escalator', '지하 1'),
      facility('X'),
    ]);
    expect(list.map((u) => [u.facilityId, u.reason])).toEqual([
      ['E', 'end_left_out'],
      ['S', 'section_unreadable'],
      ['X', 'not_in_interior'],
    ]);
    expect(list[0]!.message.en).toBe('Not in the interior map: its end at B2 연결 지점 joins nothing else in the data, so it was left out.');
    expect(list[1]!.message.ko).toBe('운행 구간 "지하 1"을 읽을 수 없어 연결도에 넣지 못했습니다.');
  });

  it('is empty for a station with no interior', () => {
    expect(unplacedFacilities({ nodes: [station()], edges: [] }, [facility('E1')])).toEqual([]);
    expect(unplacedFacilities({ nodes: [], edges: [] }, [facility('E1')])).toEqual([]);
  });
});
