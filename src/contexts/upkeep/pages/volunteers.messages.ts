import { defineMessages } from '../../../core/i18n/messages.js';

/** Volunteers protected: private photos, revising a proposal after a review, stewards assigned by admins, the offline survey. */
export const volunteersMessages = defineMessages({
  'vol.photosPrivate': {
    ko: '사진 {n}장은 제안이 승인될 때까지 올린 사람과 이 역의 담당 기관만 볼 수 있습니다.',
    en: "{n} photo(s) are visible only to their uploader and this station's stewards until the proposal is approved.",
  },
  'vol.photoPrivateBadge': { ko: '승인 전 비공개', en: 'Private until approved' },
  'vol.comments': { ko: '검토 의견', en: "Reviewer's comments" },
  'vol.commentsNone': { ko: '아직 검토 의견이 없습니다.', en: 'No review comments yet.' },
  'vol.commentOn': { ko: '{revision}번째 판에 대한 의견 · {by} · {at}', en: 'On revision {revision} · {by} · {at}' },
  'vol.revision': { ko: '{n}번째 판', en: 'Revision {n}' },
  'vol.history': { ko: '이전 판', en: 'Earlier revisions' },
  'vol.historyItem': { ko: '{n}번째 판 · {at}에 보냄 · {base}판 기준: {title}', en: 'Revision {n} · sent {at} · on version {base}: {title}' },
  'vol.reviseLink': { ko: '고쳐서 다시 보내기', en: 'Revise and resubmit' },
  'vol.reviseHint': {
    ko: '검토 의견대로 고친 뒤 같은 제안으로 다시 보낼 수 있습니다. 이전 판과 의견은 기록에 남습니다.',
    en: 'Fix what the reviewer asked and send the same proposal again. The earlier revision and its review stay on record.',
  },
  'vol.reviseTitle': { ko: '제안 고치기: {title}', en: 'Revise the proposal: {title}' },
  'vol.reviseIntro': {
    ko: '바꿀 값을 고치세요. 빈칸은 값을 지웁니다. 보내면 {n}번째 판이 되어 담당 기관이 다시 검토합니다.',
    en: 'Change the values below; an empty box clears the value. Sending makes revision {n}, which the stewards review again.',
  },
  'vol.values': { ko: '제안한 값', en: 'Proposed values' },
  'vol.noValues': {
    ko: '이 제안에는 여기서 고칠 수 있는 값이 없습니다. 제목과 설명만 고칠 수 있습니다.',
    en: 'This proposal has no values to change here; only its title and note.',
  },
  'vol.proposalTitle': { ko: '제목', en: 'Title' },
  'vol.note': { ko: '설명 (무엇을 고쳤는지)', en: 'Note (what you changed)' },
  'vol.resubmit': { ko: '다시 보내기', en: 'Resubmit' },
  'vol.notRevisable': {
    ko: '수정 요청을 받은 제안만, 제안한 사람이 고칠 수 있습니다.',
    en: 'Only a proposal sent back with changes requested can be revised, by its author.',
  },
  'vol.notNumber': { ko: '{label}: 숫자를 입력해 주세요.', en: '{label}: enter a number.' },
  'notice.revised': { ko: '고친 제안을 보냈습니다. 담당 기관이 다시 검토합니다.', en: 'Revised proposal sent. The stewards will review it again.' },
  // stewards (admins)
  'stw.title': { ko: '역 담당 기관 지정', en: 'Station stewards' },
  'stw.intro': {
    ko: '항목마다 한 기관이 담당합니다. 담당 기관 회원이 그 항목의 변경 제안을 검토하고 승인합니다. 역마다 지정하면 기본값(모든 역)보다 우선합니다. 지정과 해제는 감사 기록에 남습니다.',
    en: "One organisation stewards each attribute; its members review and approve proposals touching it. A station's own steward overrides the default (every station). Every assignment and removal is audited.",
  },
  'stw.station': { ko: '역 (비우면 모든 역 기본값)', en: 'Station (empty: the default for every station)' },
  'stw.show': { ko: '보기', en: 'Show' },
  'stw.defaults': { ko: '모든 역 기본값', en: 'Default for every station' },
  'stw.attribute': { ko: '항목', en: 'Attribute' },
  'stw.organisation': { ko: '담당 기관', en: 'Steward' },
  'stw.scope': { ko: '범위', en: 'Scope' },
  'stw.thisStation': { ko: '이 역', en: 'This station' },
  'stw.inherited': { ko: '기본값에서', en: 'From the default' },
  'stw.none': { ko: '없음 (관리자가 검토)', en: 'None (admins review)' },
  'stw.assign': { ko: '지정', en: 'Assign' },
  'stw.assignTo': { ko: '{attribute} 담당 기관', en: 'Steward of {attribute}' },
  'stw.remove': { ko: '해제', en: 'Remove' },
  'stw.removeLabel': { ko: '{attribute} 담당 해제', en: 'Remove the steward of {attribute}' },
  'stw.choose': { ko: '기관 고르기', en: 'Choose an organisation' },
  'stw.unknownStation': { ko: '그런 역이 없습니다: {id}', en: 'No such station: {id}' },
  'notice.stewardSet': { ko: '담당 기관을 지정했습니다.', en: 'Steward assigned.' },
  'notice.stewardRemoved': { ko: '담당을 해제했습니다.', en: 'Steward removed.' },
  // offline survey
  'survey.offlineReady': {
    ko: '이 기기에 조사 양식과 역 정보를 저장했습니다. 신호가 없어도 열 수 있습니다.',
    en: 'The survey form and station data are saved on this device; they open without signal.',
  },
  'survey.sentFromOutbox': { ko: '이 기기에 저장해 둔 조사를 보냈습니다. 제안:', en: 'The survey kept on this device was sent. Proposal:' },
  'survey.appName': { ko: '열린서울 현장 조사', en: 'Open Seoul field survey' },
});
