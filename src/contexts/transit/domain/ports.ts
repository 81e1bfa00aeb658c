import type { DbOrTx } from '../../../core/db/database.js';
import type { Dialect } from '../../../core/db/types.js';
import type { Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import type { Locale } from '../../../core/i18n/messages.js';
import type { Services } from '../../../core/context.js';

/**
 * What transit needs from upkeep, which depends on it: the change feed a status change is written to, the live
 * statuses the staleness sweep watches, the station versions GTFS position sources come from, and what the station
 * pages show about upkeep. Transit declares the need, upkeep fills it (`upkeep/transit-ports.ts`), and the two are
 * connected when the platform is assembled (src/contexts/index.ts), so no import goes from transit to upkeep.
 * The ports are plain functions, the same in every app of a process, so they are kept once (not per Services).
 */
export interface TransitPorts {
  changeFeed: {
    /** Appends a facility's status change to the change feed in the caller's transaction; returns its sequence number. */
    recordStatusChange(tx: DbOrTx, dialect: Dialect, change: { stationId: string; ref: string; payload: object; at: string }): Promise<number>;
    /** The feed's latest sequence number (null when empty): every status change and interior edit moves it. */
    latestSeq(db: DbOrTx): Promise<number | null>;
  };
  liveStatus: {
    /** Keeps a live source's status (one per facility) for the staleness sweep. */
    record(db: DbOrTx, row: { facility_id: string; status: string; source: string; observed_at: string; received_at: string }): Promise<unknown>;
    /** A facility's status no longer comes from a live source. */
    forget(db: DbOrTx, facilityId: string): Promise<unknown>;
  };
  /** The versions of the given stations (each an interior snapshot), by station and version: what sets GTFS position sources. */
  stationVersionsOf(db: DbOrTx, stationIds: string[]): Promise<StationVersion[]>;
  stationPages: StationPageUpkeep;
}

/** A station version as GTFS position sources read it. */
export interface StationVersion {
  station_id: string;
  version: number;
  kind: string;
  restored_version: number | null;
  verified_at: string | null;
  snapshot: string;
}

/** What the transit pages show about upkeep. */
export interface StationPageUpkeep {
  /** A link on the transit front page (upkeep's coverage). */
  frontPageLink(locale: Locale): Html;
  /** Reads what a station page shows about the station's upkeep, and returns how to render it. */
  load(services: Services, station: { id: string; hasInterior: boolean }): Promise<(ctx: PageContext) => { sections: Html; facilityFlags: Map<string, Html> }>;
}

let connected: TransitPorts | undefined;

/** Connects transit to what upkeep offers (src/contexts/index.ts, once). */
export function connectTransitPorts(ports: TransitPorts): void {
  connected = ports;
}

export function transitPorts(): TransitPorts {
  if (!connected) throw new Error('transit: its ports are not connected (src/contexts/index.ts connects them when the platform is assembled)');
  return connected;
}
