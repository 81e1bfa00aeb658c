import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { addRule, addRuleVersion } from '../use-cases/keep-rule.js';

/** The Seoul Metropolitan Government's English ordinance archive (official translations), where each version below is read. */
const seoulLegal = (promNo: number) => `http://legal.seoul.go.kr/legal/english/front/page/law.html?pAct=lawView&pPromNo=${promNo}`;
const SOURCE = '서울특별시 자치법규 영문 번역 (legal.seoul.go.kr)';
const NOTE_KO = '요약은 이 플랫폼이 서울시 자치법규 영문 번역을 읽고 쓴 것으로 조례 원문이 아닙니다. 조문과 날짜는 출처에서 확인하세요.';
const NOTE_EN =
  "The summary is written by this platform from the Seoul Metropolitan Government's English translation; it is not the ordinance. Read the articles and dates at the source.";

/**
 * Seoul ordinances beside the national acts, each version as the city's archive prints it: the dates are the
 * promulgation dates the archive gives beside each amendment (`promulgated`), never an effective date we
 * would have to guess. What a version changed is said in words and shown word by word on the rule's page.
 */
const ORDINANCES = [
  {
    slug: 'seoul-smart-city-informatization-ordinance',
    titleKo: '서울특별시 스마트도시 및 정보화 기본조례',
    titleEn: 'Seoul Metropolitan Government Framework Ordinance on Smart City and Informatization',
    sourceUrl: seoulLegal(4920),
    tags: ['governance', 'data'],
    versions: [
      {
        effectiveOn: '2018-03-22',
        changeKo: `조례 제6851호(다른 조례 개정)로 고쳐진 판(당시 제명: 정보화 기본조례). ${NOTE_KO}`,
        changeEn: `As amended by Ordinance No. 6851 (amendment of other ordinances), then titled the Framework Ordinance on Informatization. ${NOTE_EN}`,
        textKo:
          '국가정보화 기본법과 그 시행령·시행규칙이 위임한 사항과 서울시의 효율적인 정보화 추진에 필요한 사항을 정합니다. 정보, 공간정보, 정보화 등 용어를 정의합니다.',
        textEn:
          'Provides for matters delegated by the Framework Act on National Informatization and its Enforcement Decree and Rule, and for the efficient informatization of the Seoul Metropolitan Government; defines information, spatial information and informatization.',
      },
      {
        effectiveOn: '2019-03-28',
        changeKo:
          '조례 제7026호 전부개정: 정보화 조례가 스마트도시 조례가 됨. 목적이 스마트도시 조성으로 바뀌고, 용어는 스마트도시법 등의 정의를 따르며, 정책의 기본원칙(시민 요구 반영, 민간 협력, 최신 기술 적용)이 생김.',
        changeEn:
          "Wholly amended by Ordinance No. 7026: the informatization ordinance became the smart-city ordinance. Its purpose became building a smart city, its terms follow the Smart City Act, and basic principles for policy were added (citizens' demand, private-sector collaboration, latest technology).",
        textKo:
          '스마트도시를 조성하고 시정 전반에 정보통신기술을 적용해 시민의 삶의 질과 도시 경쟁력을 높입니다. 용어는 스마트도시법과 국가정보화 기본법 등의 정의를 따릅니다. 정책은 시민의 요구를 반영하고, 학계와 기업 등 민간과 협력하며, 교통·안전·환경 등 도시 문제 해결에 최신 기술을 적극 적용한다는 원칙을 따릅니다. 시장은 스마트도시 및 정보화 기본계획을 세웁니다.',
        textEn:
          "Builds a smart city and applies information and communications technology across the city's administration to improve citizens' quality of life and the city's competitiveness. Terms follow the Smart City Act and the Framework Act on National Informatization. Policy reflects citizens' demand, collaborates with academia and businesses, and applies the latest technology to urban problems such as traffic, safety and the environment. The Mayor formulates a master plan for smart city and informatization.",
      },
      {
        effectiveOn: '2021-05-20',
        changeKo:
          '제2조·제3조 개정(2021. 5. 20.; 제1조는 영문 번역에 "2021. 3. 20. 전문개정"으로 표시): 지능정보화 기본법을 따르고, 기본원칙에 시민의 존엄과 가치를 바탕으로 한 자유롭고 열린 지능정보사회 실현이 더해짐.',
        changeEn:
          'Articles 2 and 3 amended (20 May 2021; the translation marks Article 1 "wholly amended on 20 Mar. 2021"): the ordinance follows the Framework Act on Intelligent Informatization, and its principles add a free and open intelligent information society based on the dignity and value of citizens.',
        textKo:
          '스마트도시법과 지능정보화 기본법에 따라 스마트도시의 효율적 운영과 지능정보화 등 정보화 정책의 수립·시행에 필요한 사항을 정해 시민의 삶의 질과 도시 경쟁력을 높입니다. 용어는 스마트도시법과 지능정보화 기본법 등의 정의를 따릅니다. 정책은 시민의 요구를 반영하고, 학계와 기업 등 민간과 협력하며, 교통·안전·환경 등 도시 문제 해결에 최신 기술을 적극 적용하고, 시민의 존엄과 가치를 바탕으로 자유롭고 열린 지능정보사회를 실현한다는 원칙을 따릅니다. 시장은 스마트도시 및 정보화 기본계획을 세웁니다.',
        textEn:
          "Sets what is needed to run a smart city efficiently and to formulate and implement informatization policies such as intelligent informatization, under the Smart City Act and the Framework Act on Intelligent Informatization, to improve citizens' quality of life and the city's competitiveness. Terms follow the Smart City Act and the Framework Act on Intelligent Informatization. Policy reflects citizens' demand, collaborates with academia and businesses, applies the latest technology to urban problems such as transportation, safety and the environment, and realises a free and open intelligent information society based on the dignity and value of citizens. The Mayor formulates a master plan for smart city and informatization.",
      },
    ],
  },
  {
    slug: 'seoul-strategic-industries-ordinance',
    titleKo: '서울특별시 전략산업 육성 및 기업지원에 관한 조례',
    titleEn: 'Seoul Metropolitan Government Ordinance on the Development of Strategic Industries and the Support of Enterprises',
    sourceUrl: seoulLegal(3887),
    tags: ['governance'],
    versions: [
      {
        effectiveOn: '2015-10-08',
        changeKo: `영문 번역에 표시된 마지막 개정(조례 제6016호, 제2조)까지 반영한 판입니다. 그 뒤의 개정은 확인하지 못했습니다. ${NOTE_KO}`,
        changeEn: `As of the last amendment the translation shows (Ordinance No. 6016, Article 2); later amendments were not checked. ${NOTE_EN}`,
        textKo:
          '서울시가 전략적으로 키울 산업(전략산업)을 육성하고 기업하기 좋은 환경을 만들기 위해 기업에 대한 재정·행정 지원을 정합니다. 전략산업은 국가균형발전 특별법에 따라 시장이 선정하고, 기업은 서울에 본사·지사·사업장 등을 둔 기업을 말합니다.',
        textEn:
          'Provides systematic financial and administrative assistance to enterprises, to nurture the industries the city selects as strategic and to build a good environment for running businesses. Strategic industries are selected by the Mayor under the Special Act on Balanced National Development; an enterprise is one with its head office, branch, business office, factory or other place of business in Seoul.',
      },
    ],
  },
] as const;

export const startupsOrdinancesSeed: Seed = {
  name: 'startups.seoul-ordinances',
  async run(services) {
    for (const o of ORDINANCES) {
      if (await services.db.selectFrom('startups_rule').select('id').where('slug', '=', o.slug).executeTakeFirst()) continue;
      const [first, ...later] = o.versions;
      await addRule(services, system(), {
        slug: o.slug,
        titleKo: o.titleKo,
        titleEn: o.titleEn,
        kind: 'ordinance',
        department: PROGRAMME_DEPARTMENT,
        tags: [...o.tags],
        sourceName: SOURCE,
        sourceUrl: o.sourceUrl,
        dateKind: 'promulgated',
        textKind: 'summary',
        ...first,
      });
      for (const v of later) await addRuleVersion(services, system(), { rule: o.slug, dateKind: 'promulgated', textKind: 'summary', ...v });
    }
  },
};
