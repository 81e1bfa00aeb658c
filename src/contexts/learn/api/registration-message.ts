import type { RegistrationState } from '../domain/vocabularies.js';

/** What a registration means, in both languages, for the API and the page. */
export function registrationMessage(state: RegistrationState, place: number | null): { ko: string; en: string } {
  if (state === 'registered') return { ko: '등록되었습니다. 자리가 확정되었습니다.', en: 'You are registered: your seat is confirmed.' };
  if (state === 'waitlisted')
    return {
      ko: `정원이 차서 대기자 명단 ${place ?? ''}번째입니다. 자리가 나면 자동으로 등록되고 알려 드립니다.`,
      en: `The programme is full: you are number ${place ?? ''} on the waitlist. When a seat frees up you are registered automatically and told.`,
    };
  return { ko: '신청을 취소했습니다.', en: 'Your registration is cancelled.' };
}
