import { randomUUID } from 'node:crypto';
import { system } from '../../../core/auth/actor.js';
import type { Seed, Services } from '../../../core/context.js';
import { addDays, kstDate, type Ymd } from '../../../core/calendar/korean-calendar.js';
import { addSolution } from '../use-cases/add-solution.js';
import { openCall } from '../use-cases/open-call.js';
import { registerStartup } from '../use-cases/register-startup.js';
import { examplePng } from './example-image.js';

/**
 * Example (demo) data, labelled 예시 / example everywhere it shows: five fictional youth startups with
 * solutions and images, a call for the consultative body, the partner council, and opportunities at real,
 * well-known events (MWC, 4YFN, Dreamforce, Slush, Smart City Expo World Congress) described without dates
 * or figures we cannot vouch for; the city's deadlines and what it covers are examples too.
 */
const STARTUPS = [
  {
    nameKo: '예시 모빌리티랩',
    nameEn: 'Example Mobility Lab',
    field: 'mobility',
    stage: 'prototype',
    teamSize: 6,
    foundersAgeBand: '30_34',
    foundedYear: 2024,
    colour: [40, 90, 160],
    whatKo: '(예시) 휠체어 이용자를 위한 실내외 연속 경로 안내 앱을 만듭니다.',
    whatEn: '(Example) A step-free indoor and outdoor route guide for wheelchair users.',
    solutions: [
      {
        titleKo: '무장애 길찾기',
        titleEn: 'Step-free wayfinding',
        descriptionKo: '(예시) 엘리베이터 상태를 반영한 경로 안내.',
        descriptionEn: '(Example) Routes that follow live lift status.',
      },
    ],
  },
  {
    nameKo: '예시 드론웍스',
    nameEn: 'Example Droneworks',
    field: 'drones',
    stage: 'early_revenue',
    teamSize: 9,
    foundersAgeBand: 'under_30',
    foundedYear: 2023,
    colour: [30, 120, 90],
    whatKo: '(예시) 교량과 시설물 점검용 자율 비행 드론 서비스입니다.',
    whatEn: '(Example) Autonomous drone inspections of bridges and public facilities.',
    solutions: [
      {
        titleKo: '시설물 점검 드론',
        titleEn: 'Facility inspection drone',
        descriptionKo: '(예시) 균열 탐지 영상 분석.',
        descriptionEn: '(Example) Crack detection from flight footage.',
      },
      {
        titleKo: '점검 보고서 자동화',
        titleEn: 'Automated inspection reports',
        descriptionKo: '(예시) 점검 결과를 표준 보고서로 정리.',
        descriptionEn: '(Example) Findings turned into standard reports.',
      },
    ],
  },
  {
    nameKo: '예시 데이터숲',
    nameEn: 'Example Data Forest',
    field: 'data',
    stage: 'prototype',
    teamSize: 4,
    foundersAgeBand: '30_34',
    foundedYear: 2025,
    colour: [110, 60, 150],
    whatKo: '(예시) 공공데이터로 동네 생활지표 대시보드를 만듭니다.',
    whatEn: '(Example) Neighbourhood dashboards built on open data.',
    solutions: [
      {
        titleKo: '생활지표 대시보드',
        titleEn: 'Neighbourhood dashboard',
        descriptionKo: '(예시) 자치구별 대기질과 보행량.',
        descriptionEn: '(Example) Air quality and footfall by district.',
      },
    ],
  },
  {
    nameKo: '예시 그리드온',
    nameEn: 'Example GridOn',
    field: 'energy',
    stage: 'growth',
    teamSize: 15,
    foundersAgeBand: '35_39',
    foundedYear: 2021,
    colour: [180, 110, 20],
    whatKo: '(예시) 공동주택 전력 수요를 예측해 피크를 줄입니다.',
    whatEn: '(Example) Forecasts apartment power demand to shave peaks.',
    solutions: [
      {
        titleKo: '피크 절감 서비스',
        titleEn: 'Peak shaving service',
        descriptionKo: '(예시) 단지별 수요 예측.',
        descriptionEn: '(Example) Demand forecasts per apartment complex.',
      },
    ],
  },
  {
    nameKo: '예시 세이프스트리트',
    nameEn: 'Example SafeStreet',
    field: 'safety',
    stage: 'idea',
    teamSize: 3,
    foundersAgeBand: 'under_30',
    foundedYear: 2026,
    colour: [170, 40, 60],
    whatKo: '(예시) 어두운 골목길을 알려 주는 시민 참여 지도입니다.',
    whatEn: '(Example) A citizen map of poorly lit alleys.',
    solutions: [
      {
        titleKo: '골목 조도 지도',
        titleEn: 'Alley lighting map',
        descriptionKo: '(예시) 시민 제보와 가로등 데이터.',
        descriptionEn: '(Example) Citizen reports with street-light data.',
      },
    ],
  },
] as const;

/** The booklet's English for each example (fictional, marked as examples). */
const BOOKLET_EN: Record<string, { teamEn: string; tractionEn: string; askEn: string; contactNameEn: string }> = {
  'Example Mobility Lab': {
    teamEn: '(Example) Six people: two wheelchair users who test every route, three developers and a designer.',
    tractionEn: '(Example) A prototype tested with 40 wheelchair users on 12 subway stations.',
    askEn: '(Example) Pilot partners among transit operators; lift-status data feeds.',
    contactNameEn: 'Example Contact',
  },
  'Example Droneworks': {
    teamEn: '(Example) Nine people: licensed pilots, a civil engineer and machine-vision developers.',
    tractionEn: '(Example) Paid inspections for two district offices.',
    askEn: '(Example) Seed investment and overseas infrastructure owners for pilots.',
    contactNameEn: 'Example Contact',
  },
  'Example Data Forest': {
    teamEn: '(Example) Four data scientists and designers who met at a civic hackathon.',
    tractionEn: '(Example) Dashboards for three neighbourhoods, used by resident councils.',
    askEn: '(Example) City data partners abroad; a first paying customer.',
    contactNameEn: 'Example Contact',
  },
  'Example GridOn': {
    teamEn: '(Example) Fifteen people: power-systems engineers and a sales team.',
    tractionEn: '(Example) Forecasts running in 20 apartment complexes.',
    askEn: '(Example) Utilities and building operators for joint pilots; series A.',
    contactNameEn: 'Example Contact',
  },
  'Example SafeStreet': {
    teamEn: '(Example) Three founders: an urban planner, a developer and a community organiser.',
    tractionEn: '(Example) An idea with 500 citizen reports gathered in a trial month.',
    askEn: '(Example) Mentoring and a pilot district.',
    contactNameEn: 'Example Contact',
  },
};

const EVENTS = [
  {
    slug: 'example-mwc',
    kind: 'exhibition',
    titleKo: 'MWC 바르셀로나 서울관 참가 지원(예시)',
    titleEn: 'MWC Barcelona: Seoul pavilion (example)',
    location: 'Barcelona',
    url: 'https://www.mwcbarcelona.com/',
    summaryKo: '(예시) 매년 바르셀로나에서 열리는 세계 최대 규모 모바일 전시회. 일정은 공식 누리집에서 확인하세요.',
    summaryEn: '(Example) The mobile industry’s large yearly exhibition in Barcelona; see the official website for dates.',
    membersOnly: true,
  },
  {
    slug: 'example-4yfn',
    kind: 'exhibition',
    titleKo: '4YFN 스타트업 전시 참가 지원(예시)',
    titleEn: '4YFN startup exhibition (example)',
    location: 'Barcelona',
    url: 'https://www.4yfn.com/',
    summaryKo: '(예시) MWC와 함께 열리는 스타트업 행사.',
    summaryEn: '(Example) The startup event held alongside MWC.',
    membersOnly: false,
  },
  {
    slug: 'example-dreamforce',
    kind: 'conference',
    titleKo: 'Dreamforce 참관 지원(예시)',
    titleEn: 'Dreamforce visit (example)',
    location: 'San Francisco',
    url: 'https://www.salesforce.com/dreamforce/',
    summaryKo: '(예시) 샌프란시스코에서 열리는 Salesforce의 연례 콘퍼런스.',
    summaryEn: '(Example) Salesforce’s yearly conference in San Francisco.',
    membersOnly: false,
  },
  {
    slug: 'example-slush',
    kind: 'conference',
    titleKo: 'Slush 참가 지원(예시)',
    titleEn: 'Slush (example)',
    location: 'Helsinki',
    url: 'https://www.slush.org/',
    summaryKo: '(예시) 헬싱키에서 열리는 스타트업·투자자 행사.',
    summaryEn: '(Example) The startup and investor event in Helsinki.',
    membersOnly: false,
  },
  {
    slug: 'example-scewc',
    kind: 'exhibition',
    titleKo: '스마트시티 엑스포 월드 콩그레스 참가 지원(예시)',
    titleEn: 'Smart City Expo World Congress (example)',
    location: 'Barcelona',
    url: 'https://www.smartcityexpo.com/',
    summaryKo: '(예시) 바르셀로나에서 열리는 스마트시티 전시·회의.',
    summaryEn: '(Example) The smart-city exhibition and congress in Barcelona.',
    membersOnly: false,
  },
] as const;

async function seedOpportunities(services: Services, today: Ymd) {
  const covers = {
    coversKo: '(예시) 전시 부스 일부와 항공료 일부를 지원합니다. 규모는 공고에서 정합니다.',
    coversEn: '(Example) Part of the booth and part of the airfare; amounts are set in each call.',
  };
  const how = {
    howKo: '이 플랫폼에서 스타트업 이름으로 신청하고 참가 동기와 계획을 적습니다.',
    howEn: 'Apply here in your startup’s name with your motivation and plans.',
  };
  for (const [i, e] of EVENTS.entries()) {
    await openCall(services, system(), {
      ...e,
      ...covers,
      ...how,
      opensOn: addDays(today, -10),
      applyBy: addDays(today, 6 + i * 9),
      example: true,
      eligibilityKo: e.membersOnly ? '청년 스타트업 협의체 회원사(예시 조건).' : '서울 소재 스마트시티 분야 청년 스타트업(예시 조건).',
      eligibilityEn: e.membersOnly
        ? 'Members of the Youth Startup Consultative Body (example terms).'
        : 'Youth smart-city startups based in Seoul (example terms).',
    });
  }
  await openCall(services, system(), {
    slug: 'example-seoul-roadshow',
    kind: 'roadshow',
    titleKo: '서울 스마트시티 해외 로드쇼(예시)',
    titleEn: 'Seoul smart-city roadshow abroad (example)',
    location: 'Seoul',
    summaryKo: '(예시) 해외 도시 관계자에게 솔루션을 소개하는 로드쇼 준비 과정.',
    summaryEn: '(Example) A roadshow to present solutions to officials of cities abroad.',
    startsOn: addDays(today, 40),
    endsOn: addDays(today, 42),
    opensOn: addDays(today, -3),
    applyBy: addDays(today, 20),
    eligibilityKo: '청년 스타트업(예시 조건).',
    eligibilityEn: 'Youth startups (example terms).',
    ...covers,
    ...how,
    example: true,
  });
}

export const startupsExamplesSeed: Seed = {
  name: 'startups.examples',
  demo: true,
  async run(services) {
    const today = kstDate(services.now());
    for (const s of STARTUPS) {
      const profile = await registerStartup(services, system(), {
        ...s,
        contactEmail: `hello@${s.nameEn.toLowerCase().replace(/[^a-z]+/g, '-')}.example`,
        contactName: '예시 담당자 (Example contact)',
        example: true,
        ...BOOKLET_EN[s.nameEn],
      });
      for (const sol of s.solutions) {
        await addSolution(services, system(), {
          startup: profile.slug,
          ...sol,
          image: examplePng([...s.colour]),
          imageAlt: `${sol.titleEn}: example illustration / 예시 그림`,
        });
      }
    }
    await openCall(services, system(), {
      slug: 'youth-startup-body-example',
      kind: 'body',
      titleKo: '청년 스마트시티 스타트업 협의체 회원 모집(예시)',
      titleEn: 'Call for members: Youth Smart-City Startup Consultative Body (example)',
      summaryKo: '(예시) 해외 진출을 함께 준비할 청년 스타트업 5–10곳을 모집합니다.',
      summaryEn: '(Example) 5–10 youth startups to prepare going abroad together.',
      opensOn: addDays(today, -7),
      applyBy: addDays(today, 14),
      maxAgeBand: '35_39',
      seats: 10,
      eligibilityKo: '스마트시티 분야, 창업자 연령 만 39세 이하(예시 조건).',
      eligibilityEn: 'Smart-city field; founders aged 39 or under (example terms).',
      howKo: '이 플랫폼에서 신청합니다.',
      howEn: 'Apply on this platform.',
      example: true,
    });
    await seedOpportunities(services, today);
    const council = [
      ['예시 스마트인프라', 'Example Smart Infra', 'buildings'],
      ['예시 시티센싱', 'Example City Sensing', 'environment'],
      ['예시 교통솔루션', 'Example Traffic Solutions', 'mobility'],
    ] as const;
    await services.db
      .insertInto('startups_council_company')
      .values(council.map(([ko, en, field]) => ({ id: randomUUID(), name_ko: ko, name_en: en, field, website: null, example: 1 })))
      .execute();
    await services.db
      .insertInto('startups_meeting')
      .values({
        id: randomUUID(),
        held_on: addDays(today, -5),
        title_ko: '협의체 준비 회의(예시)',
        title_en: 'Preparatory meeting (example)',
        minutes_ko: '(예시) 참석: 정보기획관 담당자, 예비 회원사. 논의: 모집 일정, 해외 행사 후보, 스마트시티 중소기업 협의체와의 협력.',
        minutes_en:
          '(Example) Present: programme staff and prospective members. Discussed: the call timeline, candidate events abroad, partnership with the SME Smart City Council.',
        created_by: null,
        created_at: services.now().toISOString(),
      })
      .execute();
  },
};
