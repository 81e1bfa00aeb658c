import { defineMessages, translator, type Locale } from '../../../core/i18n/messages.js';

/** Strings of the publisher's manage pages (edit, who sees it, withdraw, delete), Korean first. */
export const manageMessages = defineMessages({
  'manage.title': { ko: '데이터셋 관리: {title}', en: 'Manage dataset: {title}' },
  'manage.link': { ko: '이 데이터셋 관리', en: 'Manage this dataset' },
  'manage.intro': {
    ko: '게시 기관의 구성원과 관리자만 이 화면을 봅니다. 여기서 한 모든 일은 감사 기록에 남습니다.',
    en: "Only the publishing organisation's members and administrators see this page. Everything done here is recorded in the audit log.",
  },
  'manage.state': { ko: '지금 상태', en: 'Current state' },
  'state.draft': {
    ko: '초안: 첫 버전을 게시하기 전에는 목록, 검색, CKAN, DCAT 어디에도 보이지 않습니다.',
    en: 'Draft: until its first version is published it is not shown in the catalogue, search, CKAN or DCAT.',
  },
  'state.listed': {
    ko: '공개: 목록, 검색, CKAN, DCAT에 보이고 행을 누구나 읽습니다.',
    en: 'Public: listed in the catalogue, search, CKAN and DCAT; anyone reads its rows.',
  },
  'state.private': {
    ko: '비공개: 게시 기관의 구성원과 관리자만 봅니다. 어떤 공개 API도 행을 내주지 않습니다.',
    en: "Private: only the publishing organisation's members and administrators see it. No public API serves its rows.",
  },
  'state.restricted': {
    ko: '제한: 승인된 분석가만 집계 결과로 씁니다. 목록에 보이지 않고 행은 공개되지 않습니다.',
    en: 'Restricted: approved analysts use it, aggregates only. Not listed; its rows are never public.',
  },
  'manage.edit': { ko: '설명 고치기', en: 'Edit the description' },
  'manage.upload': { ko: '새 버전 올리기', en: 'Upload a new version' },
  'manage.view': { ko: '데이터셋 화면 보기', en: 'See the dataset page' },
  'manage.saved': { ko: '저장했습니다.', en: 'Saved.' },
  'manage.withdrawn': {
    ko: '버전 {n}을(를) 회수했습니다. 이 버전의 행은 더 이상 어디에서도 제공되지 않습니다.',
    en: 'Version {n} was withdrawn. Its rows are no longer served anywhere.',
  },

  'edit.title': { ko: '설명 고치기: {title}', en: 'Edit the description: {title}' },
  'edit.intro': {
    ko: '데이터셋 ID와 게시 기관은 바뀌지 않습니다. 한국어와 영어 설명을 함께 고칠 수 있습니다.',
    en: 'The dataset ID and the publisher stay. Edit the Korean and English text together.',
  },
  'edit.submit': { ko: '저장', en: 'Save' },

  'access.title': { ko: '누가 보나요', en: 'Who sees it' },
  'access.field': { ko: '공개 범위', en: 'Access' },
  'access.public': { ko: '공개', en: 'Public' },
  'access.private': { ko: '비공개(기관 구성원만)', en: 'Private (organisation members only)' },
  'access.restricted': { ko: '제한(승인된 분석가, 집계만)', en: 'Restricted (approved analysts, aggregates only)' },
  'access.policy': { ko: '접근 정책(제한일 때 필수)', en: 'Access policy (required when restricted)' },
  'access.policyHint': {
    ko: '왜 제한하는지, 누가 어떤 조건으로 분석가로 승인받는지, 누구에게 묻는지 적습니다. 승인된 분석가는 샌드박스에서 집계 결과만 얻습니다.',
    en: 'Say why the data is restricted, who may be approved as an analyst and on what conditions, and whom to ask. Approved analysts get aggregates only, through the sandbox.',
  },
  'access.reasonKo': { ko: '제한하는 이유(한국어)', en: 'Why it is restricted (Korean)' },
  'access.reasonEn': { ko: '제한하는 이유(영어)', en: 'Why it is restricted (English)' },
  'access.conditionsKo': { ko: '승인 조건(한국어)', en: 'Conditions of approval (Korean)' },
  'access.conditionsEn': { ko: '승인 조건(영어)', en: 'Conditions of approval (English)' },
  'access.contact': { ko: '문의처', en: 'Contact' },
  'access.submit': { ko: '공개 범위 저장', en: 'Save access' },
  'access.error.policy': {
    ko: '제한 데이터에는 이유와 승인 조건(한국어나 영어), 문의처가 필요합니다.',
    en: 'Restricted data needs a reason and conditions (in Korean or English) and a contact.',
  },

  'withdraw.title': { ko: '버전 회수', en: 'Withdraw a version' },
  'withdraw.intro': {
    ko: '개인정보가 들어 있는 등 잘못 게시된 버전을 회수합니다. 그 버전의 파일은 지워지고 행은 어떤 API로도 제공되지 않습니다. 회수했다는 사실과 이유는 누구나 봅니다. 되돌릴 수 없습니다.',
    en: 'Withdraw a version that should not have been published (one holding personal data, say). Its file is deleted and no API serves its rows again. The fact and the reason stay public. This cannot be undone.',
  },
  'withdraw.none': { ko: '회수할 수 있는 게시된 버전이 없습니다.', en: 'There is no published version to withdraw.' },
  'withdraw.reason': { ko: '버전 {n} 회수 이유(공개됨)', en: 'Why version {n} is withdrawn (public)' },
  'withdraw.submit': { ko: '버전 {n} 회수', en: 'Withdraw version {n}' },

  'delete.title': { ko: '데이터셋 삭제', en: 'Delete the dataset' },
  'delete.intro': {
    ko: '모든 버전의 파일이 지워지고 목록, 검색, CKAN, DCAT에서 사라집니다. 주소는 남아 "삭제됨"과 이유를 알립니다(410). 되돌릴 수 없습니다.',
    en: "Every version's file is deleted and the dataset leaves the catalogue, search, CKAN and DCAT. Its address stays and says it was deleted, with the reason (410). This cannot be undone.",
  },
  'delete.reason': { ko: '삭제 이유(공개됨)', en: 'Why it is deleted (public)' },
  'delete.submit': { ko: '데이터셋 삭제', en: 'Delete the dataset' },
  'reason.error': { ko: '이유를 5자 이상 적어 주세요(최대 1,000자).', en: 'Give a reason of at least 5 characters (at most 1,000).' },

  'bad.file': {
    ko: '파일 자체의 문제: 필드가 모자란 행 {few}개, 마지막 열 뒤에 값이 더 있는 행 {many}개, 파일의 인코딩으로 읽을 수 없는 바이트가 든 칸(�) {fffd}개.',
    en: 'Problems of the file itself: {few} rows with too few fields, {many} rows with values after the last column, {fffd} cells holding bytes that are not text in the file’s encoding (�).',
  },
  'bad.legend': { ko: '문제가 있는 행을 어떻게 할까요', en: 'What to do with the rows that have problems' },
  'bad.hint': {
    ko: '필드 수가 맞지 않거나 읽을 수 없는 바이트가 있는 파일은 선택해야 공개됩니다. 선택은 검사 결과와 함께 공개됩니다.',
    en: 'A file with ragged rows or unreadable bytes is published only once you choose. The choice is published with the validation report.',
  },
  'bad.fix': { ko: '고치기: 파일을 고쳐 새로 올립니다(이 초안은 버려도 됩니다)', en: 'Fix: correct the file and upload it again (you may discard this draft)' },
  'bad.drop': {
    ko: '빼기: 문제가 있는 행(필드 수가 맞지 않는 행, 읽을 수 없는 칸, 형식에 맞지 않는 값)을 빼고 공개합니다. 뺀 행의 수가 공개됩니다.',
    en: 'Drop: publish without the rows that have problems (ragged rows, unreadable cells, values that do not fit their type). How many were dropped is published.',
  },
  'bad.keep': {
    ko: '그대로 두기: 모자란 필드는 빈 값, 마지막 열 뒤의 값은 저장하지 않음, 형식에 맞지 않는 값은 빈 값, 읽을 수 없는 바이트는 �로 둡니다. 그렇게 했다고 공개됩니다.',
    en: 'Keep: missing fields stored empty, values after the last column not stored, values that do not fit their type stored empty, unreadable bytes kept as �. That this was done is published.',
  },
  'bad.required': {
    ko: '문제가 있는 행을 빼거나 그대로 둘지 고르세요. 또는 파일을 고쳐 다시 올리세요.',
    en: 'Choose whether to drop or keep the rows with problems, or fix the file and upload it again.',
  },
  'bad.chosen.keep': {
    ko: '게시자가 문제가 있는 행을 그대로 두기로 했습니다(모자란 필드와 맞지 않는 값은 빈 값, 마지막 열 뒤의 값은 저장 안 함).',
    en: 'The publisher kept the rows with problems (missing fields and values that do not fit stored empty, values after the last column not stored).',
  },
  'bad.chosen.drop': { ko: '게시자가 문제가 있는 행 {n}개를 뺐습니다.', en: 'The publisher dropped {n} rows with problems.' },
  'problem.ragged_too_few': { ko: '필드가 모자랍니다: 이 열부터 값이 없습니다.', en: 'Too few fields: this column and those after it have no value.' },
  'problem.ragged_too_many': {
    ko: '필드가 많습니다: 이 열 뒤의 값은 어느 열에도 속하지 않습니다.',
    en: 'Too many fields: the values after this column belong to no column.',
  },
  'problem.encoding_replacement': {
    ko: '파일의 인코딩으로 읽을 수 없는 바이트가 있습니다(�).',
    en: 'Holds bytes that are not text in the file’s encoding (�).',
  },
  'withdrawn.badge': { ko: '회수됨', en: 'Withdrawn' },
  'withdrawn.line': { ko: '{date}에 회수됨. 이유:', en: 'Withdrawn on {date}. Reason:' },
  'private.noPreview': {
    ko: '비공개 데이터셋입니다. 공개 API는 행을 내주지 않으므로 미리보기도 없습니다.',
    en: 'This dataset is private. The public APIs serve none of its rows, so there is no preview.',
  },
});

export const manageT = (locale: Locale) => translator(manageMessages, locale);
