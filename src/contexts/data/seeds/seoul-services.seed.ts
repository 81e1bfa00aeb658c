import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { setSeoulService } from '../use-cases/set-seoul-service.js';

/**
 * The Plaza's own name and field codes for the seeded card ridership data (service CardSubwayStatsNew, "서울시
 * 지하철호선별 역별 승하차 인원 정보", OA-12914), as its Open API sheet documents them: request parameters USE_DT,
 * LINE_NUM, SUB_STA_NM; output USE_DT, LINE_NUM, SUB_STA_NM, RIDE_PASGR_NUM, ALIGHT_PASGR_NUM, WORK_DT.
 * Runs after the open-data seed; without that dataset (tests that skip it) there is nothing to name.
 */
export const CARD_SUBWAY_SERVICE = {
  datasetId: 'seoul-subway-ridership-daily',
  service: 'CardSubwayStatsNew',
  fields: { USE_DT: '사용일자', LINE_NUM: '노선명', SUB_STA_NM: '역명', RIDE_PASGR_NUM: '승차총승객수', ALIGHT_PASGR_NUM: '하차총승객수', WORK_DT: '등록일자' },
  params: ['USE_DT', 'LINE_NUM', 'SUB_STA_NM'],
};

export const seoulServicesSeed: Seed = {
  name: 'data.seoul-openapi-services',
  async run(services) {
    const { datasetId, ...alias } = CARD_SUBWAY_SERVICE;
    if (!(await services.db.selectFrom('data_dataset').select('id').where('id', '=', datasetId).executeTakeFirst())) return;
    await setSeoulService(services, system(), datasetId, alias);
  },
};
