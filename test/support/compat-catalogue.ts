import { system } from '../../src/core/auth/actor.js';
import type { Services } from '../../src/core/context.js';
import { createDataset, type DatasetInput } from '../../src/contexts/data/use-cases/create-dataset.js';
import { publishFixtureVersion } from './lake-fixtures.js';

/**
 * The small catalogue the compatibility API tests read: a Seoul Metro dataset with 2,500 rows (Korean
 * columns), an English-titled air dataset, one without a published version (its only version was withdrawn:
 * listed, no rows; an empty dataset is a draft and unlisted, see data-publisher.test.ts), and a restricted one
 * that must never show.
 */
export const RIDERSHIP_ROWS = 2500;

export async function givenCompatCatalogue(services: Services) {
  const givenDataset = (input: DatasetInput) => createDataset(services, system(), input);
  const metro = await services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'seoul-metro').executeTakeFirstOrThrow();
  await givenDataset({
    id: 'subway-ridership',
    titleKo: '지하철 승하차 인원',
    titleEn: 'Subway ridership',
    descriptionKo: '역별 승하차 인원',
    descriptionEn: 'Boardings by station',
    publisherId: metro.id,
    topics: ['transport'],
    keywords: ['지하철', '승하차'],
    licence: 'KOGL-1',
    frequency: 'monthly',
    temporalStart: '2023-01',
    temporalEnd: '2023-12',
    spatial: '서울특별시',
    contactName: '데이터 담당',
    contactEmail: 'data@seoulmetro.example',
    sourceUrl: 'https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do',
    attribution: '출처: 서울교통공사',
  });
  await publishFixtureVersion(services, 'subway-ridership', {
    sql: `SELECT i::INTEGER AS "번호", '역' || i AS "역명", CASE WHEN i % 2 = 0 THEN '2호선' ELSE '1호선' END AS "호선", (i * 10)::INTEGER AS "승차"
             FROM range(1, ${RIDERSHIP_ROWS + 1}) t(i)`,
    schema: [
      { name: '번호', type: 'integer' },
      { name: '역명', type: 'string' },
      { name: '호선', type: 'string' },
      { name: '승차', type: 'integer' },
    ],
  });
  await givenDataset({
    id: 'air-quality',
    titleKo: null,
    titleEn: 'Air quality by district',
    topics: ['environment', 'health'],
    keywords: ['대기', 'PM10'],
    licence: 'CC-BY-4.0',
    frequency: 'daily',
  });
  await publishFixtureVersion(services, 'air-quality', {
    sql: `SELECT * FROM (VALUES ('2024-01-01'::DATE, '종로구', 41.5::DOUBLE), ('2024-01-01'::DATE, '중구', 38.0::DOUBLE), ('2024-01-02'::DATE, '종로구', 12.25::DOUBLE)) v("date", "district", "pm10")`,
    schema: [
      { name: 'date', type: 'date' },
      { name: 'district', type: 'string' },
      { name: 'pm10', type: 'number' },
    ],
  });
  await givenDataset({ id: 'bike-stations', titleKo: '따릉이 대여소', keywords: ['자전거'], topics: ['transport'] });
  await publishFixtureVersion(services, 'bike-stations', { sql: `SELECT 'withdrawn' AS station` });
  await services.db
    .updateTable('data_version')
    .set({ status: 'withdrawn', withdrawn_at: services.now().toISOString(), withdrawn_reason: '시험: 회수된 버전', parquet_path: null })
    .where('resource_id', '=', 'bike-stations--table')
    .execute();
  await services.db.updateTable('data_resource').set({ latest_version: null }).where('id', '=', 'bike-stations--table').execute();
  await givenDataset({ id: 'secret-data', titleKo: '비공개' });
  await services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', 'secret-data').execute();
}
