import { system } from '../../../core/auth/actor.js';
import type { Seed, Services } from '../../../core/context.js';
import type { ProgrammeInput } from '../domain/programme-input.js';
import { findOrganisation } from '../../accounts/index.js';
import { createProgramme } from '../use-cases/create-programme.js';

/**
 * The data-literacy programmes of commitment ② (seed/ogp, the action plan 2018–2020): education for the general
 * public (2019 H1), for teachers (2019 H2), for both (2020 H1), the open data fellowship (2020 H2), the Mentoring
 * Day, seminars at the Seoul Big Data Campus, a forum and a specialised track for jobs. All are examples (예시): the plan gives the periods, not dates,
 * places or capacities, so those are illustrative. The Mentoring Day and a seminar are set in the weeks after the
 * seed runs so that registration, the waitlist and the calendar can be tried.
 */
const CAMPUS = { placeKo: '서울시 빅데이터캠퍼스 교육장 (예시)', placeEn: 'Seoul Big Data Campus, training room (example)' };
const DIVISION = 'smg-data-statistics-division';
const day = (iso: string, from: string, to: string) => ({ startsAt: `${iso}T${from}:00+09:00`, endsAt: `${iso}T${to}:00+09:00` });
const DAY_MS = 86_400_000;
const ahead = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

function programmes(now: Date): Array<ProgrammeInput & { organisation: string }> {
  return [
    {
      kind: 'course',
      audience: 'general_public',
      level: 'beginner',
      organisation: 'open-net',
      ...CAMPUS,
      capacity: 30,
      titleKo: '[예시] 시민을 위한 데이터 리터러시 교육 (2019년 상반기)',
      titleEn: '[Example] Data literacy for the general public (2019 H1)',
      summaryKo:
        '실행 계획의 ① 2019년 상반기 일반 시민 대상 데이터 리터러시 교육을 보여 주는 예시입니다. 공공데이터를 찾고, 표를 읽고, 간단한 그래프를 만듭니다.',
      summaryEn:
        'An example of the plan’s ① data literacy education for the general public in the first half of 2019: finding open data, reading tables, making simple charts.',
      sessions: [
        { titleKo: '공공데이터 찾기', titleEn: 'Finding open data', ...day('2019-05-11', '10:00', '12:00') },
        { titleKo: '표 읽고 그래프 그리기', titleEn: 'Reading tables, drawing charts', ...day('2019-05-18', '10:00', '12:00') },
      ],
      materials: '- [수업 1: 표 읽기](/learn/lessons/read-a-table)\n- [수업 4: 그래프 읽기](/learn/lessons/read-a-chart)',
    },
    {
      kind: 'course',
      audience: 'teachers',
      level: 'beginner',
      organisation: 'code',
      ...CAMPUS,
      capacity: 25,
      titleKo: '[예시] 교사를 위한 데이터 리터러시 교육 (2019년 하반기)',
      titleEn: '[Example] Data literacy for teachers (2019 H2)',
      summaryKo: '실행 계획의 ② 2019년 하반기 교사 대상 교육 예시입니다. 수업에서 서울의 실제 데이터를 쓰는 방법을 다룹니다.',
      summaryEn: 'An example of the plan’s ② education for teachers in the second half of 2019: using Seoul’s real data in class.',
      sessions: [{ titleKo: '수업에 쓰는 공공데이터', titleEn: 'Open data for the classroom', ...day('2019-10-19', '14:00', '17:00') }],
    },
    {
      kind: 'course',
      audience: 'public_and_teachers',
      level: 'intermediate',
      organisation: 'open-net',
      ...CAMPUS,
      capacity: 40,
      online: true,
      titleKo: '[예시] 시민과 교사가 함께하는 데이터 리터러시 (2020년 상반기)',
      titleEn: '[Example] Data literacy for citizens and teachers together (2020 H1)',
      summaryKo: '실행 계획의 ③ 2020년 상반기 시민·교사 대상 교육 예시입니다. 두 데이터를 잇고, 오해를 부르는 그래프를 알아봅니다.',
      summaryEn: 'An example of the plan’s ③ education for citizens and teachers in the first half of 2020: joining datasets, spotting misleading charts.',
      sessions: [
        { titleKo: '데이터 잇기', titleEn: 'Joining datasets', ...day('2020-05-16', '10:00', '12:00') },
        { titleKo: '그래프 비판적으로 읽기', titleEn: 'Reading charts critically', ...day('2020-05-23', '10:00', '12:00') },
      ],
    },
    {
      kind: 'fellowship',
      audience: 'everyone',
      level: 'intermediate',
      organisation: DIVISION,
      ...CAMPUS,
      capacity: 10,
      titleKo: '[예시] 시민 오픈데이터 펠로우십 (2020년 하반기)',
      titleEn: '[Example] Open data fellowship for the public (2020 H2)',
      summaryKo: '실행 계획의 ④ 2020년 하반기 오픈데이터 펠로우십 예시입니다. 지원자 가운데 펠로우를 뽑아 멘토와 함께 공공데이터 프로젝트를 합니다.',
      summaryEn: 'An example of the plan’s ④ open data fellowship in the second half of 2020: selected fellows carry out an open-data project with a mentor.',
      sessions: [
        { titleKo: '발대식', titleEn: 'Kick-off', ...day('2020-09-05', '14:00', '17:00') },
        { titleKo: '결과 발표', titleEn: 'Final presentations', ...day('2020-12-12', '14:00', '17:00') },
      ],
      sessionsRequired: 2,
    },
    {
      kind: 'forum',
      audience: 'everyone',
      level: 'beginner',
      organisation: DIVISION,
      ...CAMPUS,
      capacity: 80,
      titleKo: '[예시] 데이터 인식 높이기 시민 포럼 (2019)',
      titleEn: '[Example] Citizens’ forum on data awareness (2019)',
      summaryKo: '실행 계획의 “데이터에 대한 인식을 높이는 포럼과 프로그램(2019~)”을 보여 주는 예시입니다.',
      summaryEn: 'An example of the plan’s “forums and programmes to raise awareness of data (2019~)”.',
      sessions: [{ titleKo: '포럼', titleEn: 'Forum', ...day('2019-04-20', '14:00', '17:00') }],
    },
    {
      kind: 'specialised_track',
      audience: 'job_seekers',
      level: 'advanced',
      organisation: DIVISION,
      ...CAMPUS,
      capacity: 20,
      titleKo: '[예시] 빅데이터 전문 인력 양성 과정',
      titleEn: '[Example] Specialised big data track for jobs',
      summaryKo: '실행 계획의 “전문 교육을 제공하고 일자리 창출에 기여” 항목을 보여 주는 예시입니다. 빅데이터 전문가를 기르는 심화 과정입니다.',
      summaryEn: 'An example of the plan’s “specialised education contributing to job creation”: an advanced track to train big data professionals.',
      sessions: [
        { titleKo: '데이터 수집과 정제', titleEn: 'Collecting and cleaning data', ...day('2020-07-04', '10:00', '17:00') },
        { titleKo: '분석과 시각화', titleEn: 'Analysis and visualisation', ...day('2020-07-11', '10:00', '17:00') },
        { titleKo: '프로젝트 발표', titleEn: 'Project presentations', ...day('2020-07-18', '10:00', '13:00') },
      ],
      sessionsRequired: 2,
    },
    {
      kind: 'mentoring_day',
      audience: 'cso',
      level: 'beginner',
      organisation: DIVISION,
      ...CAMPUS,
      capacity: 20,
      titleKo: '[예시] 빅데이터캠퍼스 멘토링 데이',
      titleEn: '[Example] Big Data Campus Mentoring Day',
      summaryKo: '전문가, 시민사회단체, 입주 기업이 빅데이터캠퍼스에 모여 데이터 프로젝트를 이야기하는 정기 모임의 예시입니다.',
      summaryEn: 'An example of the regular gathering where experts, CSOs and resident companies meet at the Big Data Campus to discuss data projects.',
      sessions: [{ titleKo: '멘토링 데이', titleEn: 'Mentoring Day', ...day(ahead(now, 21), '14:00', '17:00') }],
    },
    {
      kind: 'seminar',
      audience: 'everyone',
      level: 'beginner',
      organisation: DIVISION,
      ...CAMPUS,
      capacity: 15,
      titleKo: '[예시] 빅데이터캠퍼스 시민 세미나: 우리 동네 공기 데이터 읽기',
      titleEn: '[Example] Big Data Campus seminar: reading our neighbourhood’s air data',
      summaryKo: '시민, 교사, 시민사회단체를 위한 빅데이터캠퍼스 공개 세미나의 예시입니다. 서울 대기오염 데이터를 함께 읽습니다.',
      summaryEn: 'An example of the Big Data Campus open seminars for citizens, teachers and CSOs: reading Seoul’s air-quality data together.',
      sessions: [{ titleKo: '세미나', titleEn: 'Seminar', ...day(ahead(now, 14), '19:00', '21:00') }],
      materials: '- [수업 5: 오해를 부르는 그래프](/learn/lessons/spot-a-misleading-chart)',
    },
  ];
}

export async function seedPlanProgrammes(services: Services) {
  for (const p of programmes(services.now())) {
    const org = await findOrganisation(services.db, p.organisation);
    if (!org) {
      services.log.info({ programme: p.titleKo }, 'learn: example programme skipped (its organisation is not loaded)');
      continue;
    }
    await createProgramme(services, system(), p, { example: true });
  }
}

export const planProgrammesSeed: Seed = { name: 'learn.plan-programmes', demo: true, run: seedPlanProgrammes };
