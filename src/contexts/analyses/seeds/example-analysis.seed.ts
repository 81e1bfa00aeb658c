import { randomUUID } from 'node:crypto';
import type { Seed } from '../../../core/context.js';
import { runAnalysisSql } from '../use-cases/run-analysis-sql.js';

export const EXAMPLE_DATASET = 'seoul-air-quality-daily';
const SQL = `SELECT "측정소명" AS station, round(avg("미세먼지농도(㎍/㎥)"), 1) AS pm10
FROM seoul_air_quality_daily
WHERE "측정소명" LIKE '%구'
GROUP BY "측정소명"
ORDER BY pm10 DESC
LIMIT 10`;
const NARRATIVE = `## 무엇을 보았나
2018년(버전 1) 자치구 측정소의 **일평균 미세먼지(PM10)** 농도를 평균해 높은 순으로 10곳을 골랐습니다.

- 자료: 서울시 일별 평균 대기오염도 정보 (서울 열린데이터광장, OA-2218)
- 빈 칸(측정값 없는 날)은 평균에서 빠집니다.

최신 버전으로 다시 실행하면 무엇이 바뀌었는지 볼 수 있습니다.`;

/**
 * An example published analysis by the demo admin on the seeded air-quality dataset, pinned to version 1 (2018),
 * so the page shows it is behind the latest year. Needs the open-data seed (the data context seeds first).
 */
export const exampleAnalysisSeed: Seed = {
  name: 'analyses.example-air-quality',
  demo: true,
  async run(services) {
    const admin = await services.db
      .selectFrom('accounts_user')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', 'admin@open-seoul.local')
      .executeTakeFirst();
    const pinned = await services.db
      .selectFrom('data_resource')
      .select('id')
      .where('dataset_id', '=', EXAMPLE_DATASET)
      .where('latest_version', 'is not', null)
      .executeTakeFirst();
    if (!admin || !pinned) return;
    const actor = {
      kind: 'user' as const,
      user: { id: admin.id, email: admin.email, displayName: admin.display_name, role: 'admin' as const, memberships: [] },
    };
    const result = await runAnalysisSql(services, actor, SQL, { [EXAMPLE_DATASET]: 1 });
    const at = services.now().toISOString();
    await services.db
      .insertInto('analyses_analysis')
      .values({
        id: randomUUID(),
        author_id: admin.id,
        title: '2018년 자치구별 미세먼지 평균 상위 10곳',
        sql: SQL,
        pins: JSON.stringify({ [EXAMPLE_DATASET]: 1 }),
        chart: JSON.stringify({ type: 'bar', x: 'station', y: 'pm10' }),
        narrative: NARRATIVE,
        status: 'published',
        forked_from: null,
        result: JSON.stringify(result),
        ran_at: result.ranAt,
        published_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  },
};
