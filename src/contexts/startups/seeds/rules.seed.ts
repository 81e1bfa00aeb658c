import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { registerAnswerableKind } from '../../accountability/index.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { FEEDBACK_KIND } from '../store/tables.js';
import { addRule, addRuleVersion } from '../use-cases/keep-rule.js';

const law = (name: string) => `https://www.law.go.kr/법령/${encodeURIComponent(name)}`;
const NOTE_KO = '요약은 서울시 스타트업 담당이 작성한 것으로 법령 원문이 아닙니다. 조문과 시행일은 국가법령정보센터 원문으로 확인하세요.';
const NOTE_EN = 'The summary is written by the programme and is not the official text; read the articles and dates in the official text at law.go.kr.';

/**
 * Real Korean laws that bear on smart-city startups, as titles and links to the National Law Information
 * Center (law.go.kr), each with a short summary labelled as a summary (never invented article text), the
 * city department that takes startups' feedback on it, and the field tags. Effective dates are those of
 * the laws' well-known milestones; officials add versions as laws change.
 */
const RULES = [
  {
    slug: 'smart-city-act',
    titleKo: '스마트도시 조성 및 산업진흥 등에 관한 법률',
    titleEn: 'Act on the Promotion of Smart Cities Development and Industry',
    kind: 'act',
    department: PROGRAMME_DEPARTMENT,
    tags: ['governance', 'data', 'mobility'],
    effectiveOn: '2017-09-22',
    textKo:
      '스마트도시의 조성과 스마트도시 산업의 진흥을 위한 기본 법률입니다. 스마트도시 계획, 스마트도시 기반시설, 스마트도시 규제 특례(스마트시티 규제 샌드박스) 등을 다룹니다.',
    textEn:
      'The framework law for building smart cities and promoting the smart-city industry: smart-city plans, smart-city infrastructure, and regulatory exemptions for smart-city services (the smart-city regulatory sandbox).',
  },
  {
    slug: 'ict-convergence-act',
    titleKo: '정보통신 진흥 및 융합 활성화 등에 관한 특별법',
    titleEn: 'Special Act on Promotion of Information and Communications Technology and Activation of Convergence',
    kind: 'act',
    department: PROGRAMME_DEPARTMENT,
    tags: ['data', 'governance'],
    effectiveOn: '2019-01-17',
    textKo: '정보통신 융합 신기술·서비스에 대한 신속처리, 임시허가, 실증을 위한 규제 특례(ICT 규제 샌드박스)를 정합니다.',
    textEn:
      'Sets fast-track review, temporary permits and regulatory exemptions for demonstrations of new ICT convergence technologies and services (the ICT regulatory sandbox).',
  },
  {
    slug: 'drone-act',
    titleKo: '드론 활용의 촉진 및 기반조성에 관한 법률',
    titleEn: 'Act on Promotion of Utilization of Drones and Creation of Infrastructure',
    kind: 'act',
    department: PROGRAMME_DEPARTMENT,
    tags: ['drones', 'safety'],
    effectiveOn: '2020-05-01',
    textKo: '드론 산업의 육성과 드론 활용 촉진을 위한 법률로, 드론 특별자유화구역, 드론 산업 지원 등을 다룹니다. 비행 승인과 안전은 항공안전법을 함께 보세요.',
    textEn:
      'Promotes the drone industry and the use of drones: special drone free zones and support for drone businesses. For flight approval and safety, see also the Aviation Safety Act.',
  },
  {
    slug: 'autonomous-vehicles-act',
    titleKo: '자율주행자동차 상용화 촉진 및 지원에 관한 법률',
    titleEn: 'Act on the Promotion of and Support for Commercialization of Autonomous Vehicles',
    kind: 'act',
    department: PROGRAMME_DEPARTMENT,
    tags: ['mobility', 'safety'],
    effectiveOn: '2020-05-01',
    textKo: '자율주행자동차의 상용화를 위한 시범운행지구, 여객·화물 운송 특례, 자율주행 기반 시설 등을 정합니다.',
    textEn: 'Pilot zones for autonomous vehicles, exemptions for passenger and freight services within them, and infrastructure for autonomous driving.',
  },
  {
    slug: 'personal-information-protection-act',
    titleKo: '개인정보 보호법',
    titleEn: 'Personal Information Protection Act',
    kind: 'act',
    department: 'smg-data-statistics-division',
    tags: ['data', 'health', 'safety'],
    effectiveOn: '2011-09-30',
    textKo: '개인정보의 수집·이용·제공·파기 등 처리 원칙과 정보주체의 권리를 정합니다. CCTV 등 영상정보처리기기 설치·운영 기준도 포함합니다.',
    textEn:
      'Principles for collecting, using, providing and destroying personal information and the rights of data subjects, including rules for CCTV and other video devices.',
    versions: [
      {
        effectiveOn: '2020-08-05',
        changeKo: '이른바 데이터 3법 개정: 가명정보 개념과 가명처리 특례 도입.',
        changeEn: 'The "three data laws" amendment: pseudonymised information and rules for processing it introduced.',
        textKo: '개인정보 처리 원칙과 정보주체의 권리를 정하고, 통계작성·과학적 연구·공익적 기록보존을 위한 가명정보 처리 특례를 둡니다.',
        textEn:
          'Principles for processing personal information and the rights of data subjects, with rules for processing pseudonymised information for statistics, scientific research and archiving in the public interest.',
      },
    ],
  },
  {
    slug: 'public-data-act',
    titleKo: '공공데이터의 제공 및 이용 활성화에 관한 법률',
    titleEn: 'Act on Promotion of the Provision and Use of Public Data',
    kind: 'act',
    department: 'smg-data-statistics-division',
    tags: ['data'],
    effectiveOn: '2013-10-31',
    textKo: '공공기관이 보유한 공공데이터를 국민에게 제공하고 영리 목적을 포함한 자유로운 이용을 보장합니다. 공공데이터 제공 신청 절차를 정합니다.',
    textEn:
      'Public institutions provide the public data they hold and its free use, commercial use included, is guaranteed; sets the procedure to request public data.',
  },
  {
    slug: 'location-information-act',
    titleKo: '위치정보의 보호 및 이용 등에 관한 법률',
    titleEn: 'Act on the Protection, Use, etc. of Location Information',
    kind: 'act',
    department: 'smg-data-statistics-division',
    tags: ['mobility', 'data'],
    effectiveOn: '2005-07-28',
    textKo: '위치정보의 수집·이용·제공과 위치기반서비스 사업의 신고 등을 정합니다. 이동 서비스를 만드는 스타트업에 자주 적용됩니다.',
    textEn:
      'Rules for collecting, using and providing location information and for registering location-based service businesses; often applies to mobility startups.',
  },
];

export const startupsRulesSeed: Seed = {
  name: 'startups.feedback-kind-and-rules',
  async run(services) {
    // 건의민원 are answered within 14 days (민원 처리에 관한 법률 시행령 §14), counted in business days by the engine.
    await registerAnswerableKind(services.db, {
      id: FEEDBACK_KIND,
      context: 'startups',
      name: { ko: '스타트업 정책 의견', en: 'Startup policy feedback' },
      rule: { unit: 'business_days', days: 14, maxExtensionDays: 14 },
    });
    for (const r of RULES) {
      const exists = await services.db.selectFrom('startups_rule').select('id').where('slug', '=', r.slug).executeTakeFirst();
      if (exists) continue;
      await addRule(services, system(), {
        slug: r.slug,
        titleKo: r.titleKo,
        titleEn: r.titleEn,
        kind: r.kind,
        department: r.department,
        tags: r.tags,
        sourceName: '국가법령정보센터 (law.go.kr)',
        sourceUrl: law(r.titleKo.replace(/\s+/g, '')),
        effectiveOn: r.effectiveOn,
        textKind: 'summary',
        textKo: r.textKo,
        textEn: r.textEn,
        changeKo: `최초 등록. ${NOTE_KO}`,
        changeEn: `First entry. ${NOTE_EN}`,
      });
      for (const v of r.versions ?? []) await addRuleVersion(services, system(), { rule: r.slug, textKind: 'summary', ...v });
    }
  },
};
