import { defineMessages } from '../../../core/i18n/messages.js';

/** The journey page: the form, the station choice and the answer. */
export const journeyMessages = defineMessages({
  'journey.title': { ko: '길 찾기: 계단 없는 지하철 경로', en: 'Plan a journey: step-free subway routes' },
  'journey.link': {
    ko: '두 역 사이 길 찾기 (휠체어·유모차 등 이동 방법별)',
    en: 'Plan a journey between two stations (wheelchair, stroller and other ways of travelling)',
  },
  'journey.intro': {
    ko: '출발역과 도착역을 입력하고 이동 방법을 고르세요. 어느 칸에 타야 하는지, 환승역 안에서 어떻게 가는지, 지금 멈춘 엘리베이터가 있는지 알려 드립니다.',
    en: 'Enter where you start and where you are going, and choose how you travel. We tell you which car to board, how to get through each transfer station, and whether an elevator is out of service now.',
  },
  'journey.from': { ko: '출발역', en: 'From' },
  'journey.to': { ko: '도착역', en: 'To' },
  'journey.stationHint': {
    ko: '역 이름을 한글, 영어, 로마자로 쓰세요. 예: 강남, Gangnam',
    en: 'Type the station name in Korean, English or romanised. For example: 강남, Gangnam',
  },
  'journey.submit': { ko: '경로 찾기', en: 'Find a route' },
  'journey.required': { ko: '{field}을 입력해 주세요.', en: 'Enter a station for "{field}".' },
  'journey.noMatch': { ko: '"{text}"(이)라는 역을 찾지 못했습니다. 다른 이름으로 써 보세요.', en: 'No station called "{text}". Try another name.' },
  'journey.choose': { ko: '{field}: "{text}"(으)로 찾은 역이 여러 곳입니다. 하나를 고르세요.', en: '{field}: several stations match "{text}". Choose one.' },
  'journey.more': {
    ko: '{total}곳 가운데 {shown}곳만 보여 드립니다. 찾는 역이 없으면 이름을 더 길게 써 보세요.',
    en: 'Showing {shown} of {total}. If yours is not here, type more of its name.',
  },
  'journey.chooseHint': { ko: '고른 뒤 "경로 찾기"를 누르세요.', en: 'Then press "Find a route".' },
  'journey.retype': { ko: '다시 입력하기', en: 'Type another name' },
  'journey.same': { ko: '출발역과 도착역이 같습니다.', en: 'The start and the destination are the same station.' },
  'journey.notInNetwork': { ko: '이 역은 아직 길 찾기에 들어 있지 않습니다.', en: 'This station is not in the journey planner yet.' },
  'journey.result': { ko: '{from} → {to}', en: '{from} → {to}' },
  'journey.summary': { ko: '{profile} · 약 {min}분 · 환승 {n}번', en: '{profile} · about {min} min · transfers: {n}' },
  'journey.infeasibleHeading': { ko: '갈 수 있는 경로가 없습니다', en: 'No route found' },
  'journey.disruptionHeading': { ko: '운행 중단으로 경로가 바뀌었습니다', en: 'Route changed because of an outage' },
  'journey.usualTime': { ko: '평소에는 약 {usual}분, 지금은 약 {now}분 걸립니다.', en: 'Usually about {usual} min; about {now} min now.' },
  'journey.legs': { ko: '경로 안내', en: 'Your route' },
  'journey.ride': { ko: '{line} 타기: {from} → {to}', en: 'Ride {line}: {from} → {to}' },
  'journey.rideFacts': { ko: '{stops}개 역, 약 {min}분', en: 'stops: {stops}, about {min} min' },
  'journey.boardAt': { ko: '타는 곳', en: 'Where to board' },
  'journey.boardNone': { ko: '타는 칸 정보가 없습니다.', en: 'No boarding position known.' },
  'journey.transfer': { ko: '{station}에서 갈아타기: {fromLine} → {toLine}', en: 'Change at {station}: {fromLine} → {toLine}' },
  'journey.transferFacts': { ko: '걷기 약 {min}분, 기다리기 약 {wait}분', en: 'about {min} min on foot, about {wait} min waiting' },
  'journey.source': { ko: '안내의 근거:', en: 'Guided from:' },
  'journey.entry': { ko: '출발역: 지상에서 승강장까지', en: 'At the start: from the street to the platform' },
  'journey.exit': { ko: '도착역: 승강장에서 지상까지', en: 'At your destination: from the platform to the street' },
  'journey.liftsListed': { ko: '시설 자료에 있는 엘리베이터·리프트 {n}대:', en: 'Lifts listed in the facility data ({n}):' },
  'journey.stationPhone': { ko: '역 전화: {phone}', en: 'Station phone: {phone}' },
  'journey.dependsEndLifts': { ko: '{list}: 위에 적은 엘리베이터 가운데 하나가 필요합니다.', en: '{list}: you need one of the lifts listed above.' },
  'journey.dependsUnknown': {
    ko: '출발역이나 도착역에서 승강장까지 가는 길을 모두 알지 못합니다. 이 여정이 어떤 엘리베이터에 기대는지 다 말할 수 없습니다.',
    en: 'The way between the street and the platform is not known at every end: we cannot say every lift this journey depends on.',
  },
  'journey.dependsOn': { ko: '이 경로가 기대는 시설과 지금 상태', en: 'What this journey depends on, and its status now' },
  'journey.dependsNone': { ko: '이 경로는 엘리베이터나 리프트에 기대지 않습니다.', en: 'This journey does not depend on any elevator or lift.' },
  'journey.outOfService': { ko: '지금 멈춘 시설', en: 'Out of service now' },
});
export type JourneyKey = keyof typeof journeyMessages;
