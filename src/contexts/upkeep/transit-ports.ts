import { html } from '../../web/html.js';
import type { TransitPorts } from '../transit/index.js';
import { openReportsBox, reportedFlags } from './pages/station-reports.js';
import { upkeepBox } from './pages/station-upkeep.js';
import { upT } from './pages/upkeep-view.js';
import { latestChangeSeq } from './store/change.repository.js';
import { forgetLiveStatus, recordLiveStatus } from './store/live-status.repository.js';
import { listStationVersionsOf } from './store/version.repository.js';
import { latestFieldVerification } from './use-cases/field-verification.js';
import { listReports } from './use-cases/list-reports.js';
import { recordChange } from './use-cases/record-change.js';

/**
 * What upkeep gives transit (transit declares the need in `transit/domain/ports.ts`; src/contexts/index.ts
 * connects the two): a status change goes into upkeep's change feed, a live status into the staleness sweep's
 * table, GTFS position sources read upkeep's station versions, and a station page shows when its map was last
 * verified, how to help keep it true, and its open reports (with a flag beside each facility reported broken).
 */
export const upkeepForTransit: TransitPorts = {
  changeFeed: {
    recordStatusChange: (tx, dialect, change) => recordChange(tx, dialect, { kind: 'facility_status', ...change }),
    latestSeq: latestChangeSeq,
  },
  liveStatus: { record: recordLiveStatus, forget: forgetLiveStatus },
  stationVersionsOf: listStationVersionsOf,
  stationPages: {
    frontPageLink: (locale) => html`<p><a href="/transit/upkeep">${upT(locale)('cov.title')}</a></p>`,
    async load(services, station) {
      const verified = await latestFieldVerification(services.db, station.id);
      const open = await listReports(services, { stationId: station.id, status: 'open', limit: 50 });
      return (ctx) => ({
        sections: html`${upkeepBox(ctx, station.id, station.hasInterior, verified ?? null)}
          ${openReportsBox(ctx, station.id, open)}`,
        facilityFlags: reportedFlags(ctx, open),
      });
    },
  },
};
