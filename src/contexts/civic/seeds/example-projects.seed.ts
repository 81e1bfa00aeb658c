import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { proposeProject } from '../use-cases/propose-project.js';

/**
 * Commitment ② plans eight analysis projects proposed by the Green Seoul Citizen Committee
 * (seed/ogp/ogp-commitment-SEO0006-digital-literacy.txt). Only ideas the seeded datasets support are seeded,
 * as examples ("예시"): the question and the datasets, proposed by the commitment's civil-society actors, with
 * no results or figures. A project whose datasets or organisation are missing (a data seed skipped) is skipped.
 */
const EXAMPLES = [
  {
    title: '[예시] 자치구별 미세먼지 고농도 일수 비교',
    organisation: 'open-net',
    datasets: ['seoul-air-quality-daily'],
    question: '서울 자치구마다 미세먼지(PM10)와 초미세먼지(PM2.5)가 “나쁨” 이상인 날이 얼마나 되고, 계절에 따라 어떻게 달라질까?',
    description:
      '녹색서울시민위원회가 제안하기로 한 시민 분석 프로젝트의 예시입니다. 서울시 일별 대기환경 자료로 자치구별 고농도 일수를 세어 비교하는 것을 목표로 합니다. 아직 분석 결과는 없습니다.',
  },
  {
    title: '[예시] 따릉이 대여소 분포와 이용 수요',
    organisation: 'code',
    datasets: ['seoul-public-bike-stations', 'seoul-bike-sharing-demand'],
    question: '공공자전거 대여소가 많은 곳과 이용 수요가 큰 시간·날씨는 서로 맞아떨어질까?',
    description: '대여소 목록과 자전거 대여 수요 자료를 함께 살펴, 대여소 배치와 수요의 관계를 알아보려는 예시 프로젝트입니다. 아직 분석 결과는 없습니다.',
  },
  {
    title: '[예시] 지하철 승하차 인원과 혼잡도',
    organisation: 'code',
    datasets: ['seoul-subway-ridership-daily', 'seoul-metro-congestion'],
    question: '하루 승하차 인원이 많은 역이 시간대별 혼잡도도 높은 역일까?',
    description: '역별 일일 승하차 인원과 서울교통공사의 시간대별 혼잡도 자료를 이어 보려는 예시 프로젝트입니다. 아직 분석 결과는 없습니다.',
  },
];

export const exampleProjectsSeed: Seed = {
  name: 'civic.example-projects',
  async run(services) {
    for (const e of EXAMPLES) {
      const found = await services.db.selectFrom('data_dataset').select('id').where('id', 'in', e.datasets).execute();
      const org = await services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', e.organisation).executeTakeFirst();
      if (found.length !== e.datasets.length || !org) {
        services.log.info({ project: e.title }, 'civic: example project skipped (its datasets or organisation are not loaded)');
        continue;
      }
      await proposeProject(services, system(), { ...e, example: true });
    }
  },
};
