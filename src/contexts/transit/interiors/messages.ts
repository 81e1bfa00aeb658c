import { defineMessages } from '../../../core/i18n/messages.js';

/** Messages of the station-interior views (level drawings, text alternative, GeoJSON). */
export const interiorMessages = defineMessages({
  'interior.title': { ko: '역 내부 연결도', en: 'Station interior' },
  'interior.intro': {
    ko: '공개 자료(엘리베이터·에스컬레이터 운행 구간, 환승 거리와 시간)로 만든 층별 연결도입니다. 현장에서 확인하지 않았고, 위치와 모양은 실제 도면이 아닙니다.',
    en: 'Level-by-level connections derived from open data (elevator and escalator sections, transfer distances and times). Not yet checked on site; positions and shapes are schematic, not a floor plan.',
  },
  'interior.none': { ko: '이 역의 내부 연결도는 아직 없습니다.', en: 'There is no interior map of this station yet.' },
  'interior.levelTitle': { ko: '{station} {level} 연결도', en: '{station}, level {level}' },
  'interior.levelDesc': {
    ko: '이 층의 장소 {nodes}곳과 연결 {edges}개를 그린 개략도입니다. 같은 내용이 아래 목록에 글로 있습니다.',
    en: 'Schematic of the {nodes} places on this level and their {edges} connections. The list below gives the same content as text.',
  },
  'interior.levelHeading': { ko: '{level}층', en: 'Level {level}' },
  'interior.legend': { ko: '범례', en: 'Legend' },
  'interior.textAlt': { ko: '층별 장소와 연결 (글)', en: 'Places and connections by level (text)' },
  'interior.noConnections': { ko: '연결 정보 없음', en: 'No connection known' },
  'interior.link': { ko: '{mode}, {level}층:', en: '{mode} to level {level}:' },
  'interior.oneWay': { ko: '한 방향', en: 'one way' },
  'interior.length': { ko: '{m}m', en: '{m} m' },
  'interior.time': { ko: '약 {time}', en: 'about {time}' },
  'interior.mode.1': { ko: '통로', en: 'Walkway' },
  'interior.mode.levelChange': { ko: '층이 바뀌는 통로(계단이 있는지 모름)', en: 'Passage between levels (steps not known)' },
  'interior.mode.2': { ko: '계단', en: 'Stairs' },
  'interior.mode.3': { ko: '무빙워크', en: 'Moving walkway' },
  'interior.mode.4': { ko: '에스컬레이터', en: 'Escalator' },
  'interior.mode.5': { ko: '엘리베이터', en: 'Elevator' },
  'interior.mode.6': { ko: '개찰구', en: 'Fare gate' },
  'interior.mode.7': { ko: '나가는 개찰구', en: 'Exit gate' },
  'interior.kind.0': { ko: '승강장', en: 'Platform' },
  'interior.kind.1': { ko: '역', en: 'Station' },
  'interior.kind.2': { ko: '출입구', en: 'Entrance' },
  'interior.kind.3': { ko: '연결 지점', en: 'Junction' },
  'interior.kind.4': { ko: '타는 곳', en: 'Boarding area' },
  'interior.boardingAreas': { ko: '타는 곳:', en: 'Boarding positions:' },
  'interior.derived': { ko: '공개 자료로 만든 것 (현장 미확인)', en: 'Derived from open data (not yet field-verified)' },
  'interior.geojson': { ko: 'GeoJSON으로 받기', en: 'Download as GeoJSON' },
  'interior.unplaced.ends_not_in_data': {
    ko: '두 끝이 각각 어느 곳에 닿는지 자료에 없어 연결도에 넣지 못했습니다.',
    en: 'Not in the interior map: the data does not say which places its two ends reach.',
  },
  'interior.unplaced.section_unreadable': {
    ko: '운행 구간 "{levels}"을 읽을 수 없어 연결도에 넣지 못했습니다.',
    en: 'Not in the interior map: its operating section "{levels}" cannot be read.',
  },
  'interior.unplaced.one_level': {
    ko: '운행 구간 "{levels}"이 한 층 안이라 어느 두 곳을 잇는지 알 수 없어 연결도에 넣지 못했습니다.',
    en: 'Not in the interior map: its operating section "{levels}" stays on one level, so which two places it joins is not known.',
  },
  'interior.unplaced.line_not_served': {
    ko: '이 역에 없는 노선({line})의 시설로 등록되어 있어 연결도에 넣지 못했습니다.',
    en: 'Not in the interior map: it is listed under a line this station does not serve ({line}).',
  },
  'interior.unplaced.same_node': {
    ko: '두 끝이 같은 곳으로 모여 연결도에 넣지 못했습니다.',
    en: 'Not in the interior map: both its ends fall on the same place.',
  },
  'interior.unplaced.end_left_out': {
    ko: '한쪽 끝({place})이 자료상 다른 곳과 이어지지 않아 연결도에서 뺐습니다.',
    en: 'Not in the interior map: its end at {place} joins nothing else in the data, so it was left out.',
  },
  'interior.unplaced.not_in_interior': {
    ko: '시설 목록에는 있지만 역 내부 연결도에는 없습니다.',
    en: 'In the facility list but not in the station interior map.',
  },
});
