import type { OrganisationRow } from '../../accounts/index.js';
import type { CatalogueEntry } from './catalogue-view.js';

/**
 * A catalogue entry as the read model gives it, for the pure mappers' unit tests (no database):
 * a Seoul Metro table with one published version and a link resource.
 */
export const metro: OrganisationRow = {
  id: 'org-1',
  slug: 'seoul-metro',
  type: 'transit_operator',
  name_ko: '서울교통공사',
  name_en: 'Seoul Metro',
  description_ko: null,
  description_en: 'Operator',
  website: 'https://www.seoulmetro.co.kr',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

export function sampleEntry(overrides: Partial<CatalogueEntry['dataset']> = {}): CatalogueEntry {
  const dataset = {
    id: 'subway-ridership',
    title_ko: '지하철 승하차 인원',
    title_en: 'Subway ridership',
    description_ko: '역별 승하차',
    description_en: null,
    publisher_id: metro.id,
    topics: '["transport"]',
    keywords: '["지하철","ridership"]',
    licence: 'KOGL-1',
    frequency: 'monthly',
    temporal_start: '2023',
    temporal_end: '2023-12-31',
    spatial: '서울특별시',
    contact_name: '담당자',
    contact_email: 'data@example.kr',
    source_url: 'https://data.seoul.go.kr/x',
    attribution: '출처: 서울교통공사',
    restricted: 0,
    created_by: null,
    created_at: '2026-01-02T00:00:00.000Z',
    updated_at: '2026-01-03T00:00:00.000Z',
    ...overrides,
  };
  return {
    dataset,
    topics: JSON.parse(dataset.topics) as string[],
    keywords: JSON.parse(dataset.keywords) as string[],
    publisher: metro,
    modified: '2026-02-01T00:00:00.000Z',
    resources: [
      {
        row: {
          id: 'subway-ridership--table',
          dataset_id: dataset.id,
          name: '승하차 인원',
          kind: 'table',
          url: null,
          format: null,
          description: null,
          position: 0,
          latest_version: 2,
          created_at: dataset.created_at,
          updated_at: dataset.updated_at,
        },
        latest: {
          version: 2,
          rows: 10,
          format: 'csv',
          encoding: 'cp949',
          sourceName: 'ridership.csv',
          sourceBytes: 123,
          sourceSha256: 'ab'.repeat(32),
          schema: {
            fields: [
              { name: '일자', type: 'date', format: '%Y%m%d' },
              { name: '승차', type: 'integer', 'x-thousandsSeparator': true },
              { name: '시각', type: 'datetime' },
            ],
            missingValues: ['-'],
          },
          publishedAt: '2026-02-01T00:00:00.000Z',
        },
      },
      {
        row: {
          id: 'subway-ridership--api',
          dataset_id: dataset.id,
          name: 'Plaza API',
          kind: 'api',
          url: 'http://openapi.seoul.go.kr:8088/',
          format: 'JSON',
          description: '원본 API',
          position: 1,
          latest_version: null,
          created_at: dataset.created_at,
          updated_at: dataset.updated_at,
        },
        latest: null,
      },
    ],
  };
}
