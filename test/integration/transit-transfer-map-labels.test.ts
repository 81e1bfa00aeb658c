import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearBox } from '../../src/contexts/transit/maps/geometry.js';
import { layoutTransferMap } from '../../src/contexts/transit/maps/layout.js';
import { listStationTransfers, transferMapInput } from '../../src/contexts/transit/use-cases/transfer-maps.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
});
afterAll(() => t.close());

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe(`every seeded transfer map (${dialect})`, () => {
  // Not yet checked: labels over pathway lines. Sampling each curve against each label box finds 275 such
  // crossings in the seeded maps (issue 16, item 2); the labels keep their halo meanwhile.
  it('has no label box overlapping another label or a step marker', async () => {
    const stations = await t.services.db.selectFrom('transit_node').select('station_id').distinct().execute();
    const problems: string[] = [];
    let maps = 0;
    for (const { station_id } of stations) {
      for (const profile of ['walking', 'wheelchair'] as const) {
        for (const x of await listStationTransfers(t.services, station_id!, profile)) {
          const { input } = await transferMapInput(t.services, station_id!, { from: x.from.stopId, to: x.to.stopId, profile });
          const layout = layoutTransferMap(input);
          maps++;
          const labels = layout.nodes.map((n) => ({ ...n.labelBox, what: n.label.join(' ') }));
          for (const [i, a] of labels.entries()) {
            for (const b of labels.slice(i + 1)) if (overlap(a, b)) problems.push(`${station_id} ${profile} ${x.from.stopId}→${x.to.stopId}: "${a.what}" / "${b.what}"`);
            // A step marker is a circle of radius 12: it covers a label when its centre is nearer than 12 to the label's box.
            for (const m of layout.markers) if (nearBox(m, a, 12)) problems.push(`${station_id} ${profile}: "${a.what}" / step ${m.n}`);
          }
        }
      }
    }
    expect(maps).toBeGreaterThan(10);
    expect([...new Set(problems)]).toEqual([]);
  });
});
