import { describe, expect, it } from 'vitest';
import { chartRowsParams, parseChartForm } from './chart-form.js';

describe('chart questions', () => {
  const columns = [
    { name: '측정소명', family: 'string' },
    { name: 'pm10', family: 'integer' },
    { name: '위도', family: 'number' },
    { name: '경도', family: 'number' },
  ];

  it('a bar chart groups by x and orders by the value, a line by x', () => {
    const bar = chartRowsParams(parseChartForm({ x: '측정소명', y: 'avg', of: 'pm10', col1: 'pm10', op1: 'gt', val1: '10' }, columns));
    expect(bar).toMatchObject({ groupBy: ['측정소명'], agg: [{ fn: 'avg', column: 'pm10' }], sort: [{ column: 'pm10__avg', desc: true }], limit: 50 });
    expect(bar.filters).toEqual([{ column: 'pm10', op: 'gt', value: '10', param: 'filter1' }]);
    const line = chartRowsParams(parseChartForm({ type: 'line', x: '측정소명' }, columns));
    expect(line).toMatchObject({ agg: [{ fn: 'count' }], sort: [{ column: '측정소명' }] });
  });

  it('a map asks for the coordinates of up to 5,000 points, found by name', () => {
    const params = chartRowsParams(parseChartForm({ type: 'points', label: '측정소명' }, columns));
    expect(params.select).toEqual(['위도', '경도', '측정소명']);
    expect(params.limit).toBe(5000);
    expect(params.filters!.map((f) => `${f.column} ${f.op} ${String(f.value)}`)).toEqual(['위도 isnull false', '경도 isnull false']);
  });
});
