import { Type } from '@sinclair/typebox';
import { FACILITY_TYPES } from '../domain/facility.js';

/** The schemas of the station, line and export answers (routes.api.ts and the files it registers). */

export const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Names = Type.Object({ ko: N(Type.String()), en: N(Type.String()), zh: N(Type.String()), ja: N(Type.String()), romanised: N(Type.String()) });
export const LineName = Type.Object({ ko: Type.String(), en: N(Type.String()) });
const Text = Type.Object({ ko: Type.String(), en: Type.String() });
const RiderLineRef = Type.Object({ id: Type.String(), name: LineName }, { description: 'A line under the name riders use (1호선, 수인분당선, 공항철도 …)' });
export const StationSummary = Type.Object({
  id: Type.String(),
  names: Names,
  lat: N(Type.Number()),
  lon: N(Type.Number()),
  lines: Type.Array(Type.String(), { description: 'Line ids (railway sections of the station master, as routing uses them)' }),
  riderLines: Type.Array(RiderLineRef),
});
export const RiderLine = Type.Object({
  id: Type.String(),
  name: LineName,
  alsoCalled: Type.Array(Type.String(), { description: 'Legal section names of this line at this station (경부선 …)' }),
  lineIds: Type.Array(Type.String(), { description: 'The line ids (sections) it runs on here; empty when only MOLIT lists the station on it' }),
  basis: Type.Union([Type.Literal('molit'), Type.Literal('section')], {
    description: "molit: MOLIT's service list names the station; section: assumed from the station's section",
  }),
});
export const ElevatorData = Type.Object(
  {
    known: Type.Boolean({ description: 'At least one source lists an elevator or an elevator position at this station' }),
    elevators: Type.Integer({ description: 'Elevators counted once (a position that may be a unit already listed is not counted again)' }),
    withPosition: Type.Integer(),
    positionsOnly: Type.Integer({ description: 'Seoul City positions that may be elevators already counted (details.maybeSameAs)' }),
    lines: Type.Array(Type.Object({ id: Type.String(), name: Text, known: Type.Boolean(), elevators: Type.Integer() }), {
      description: 'Per rider line: elevators the sources assign to it',
    }),
    sources: Type.Array(
      Type.Object({
        file: Type.String(),
        name: Text,
        applies: Type.Boolean({ description: "false when the station's lines are outside the source" }),
        listed: Type.Integer(),
        said: Text,
      }),
      { description: 'Every source searched for elevators and what it said about this station' },
    ),
    phones: Type.Array(Type.Object({ line: Type.String(), phone: Type.String() })),
    message: Text,
  },
  { description: 'What is known and unknown about the elevators of this station, in words, with the phone to call' },
);
const StatusBasisSchema = Type.Object(
  {
    kind: Type.Unsafe<string>({
      type: 'string',
      enum: ['live', 'staff', 'citizen_report', 'snapshot'],
      description: "live: an operator's system (goes stale); snapshot: a file (never 'now')",
    }),
    status: Type.String(),
    reportedStatus: Type.String({ description: 'What the source last said (differs from status only once stale)' }),
    observedAt: N(Type.String({ description: 'When the source observed the status (the time the source gives)' })),
    since: N(Type.String({ description: "When the current status began, as far as known (an outage's start)" })),
    stale: Type.Boolean(),
    unknownSince: N(Type.String({ description: 'Stale statuses: the moment the status became unknown' })),
    snapshot: N(Type.Object({ file: Type.String(), date: N(Type.String({ description: "The file's date (YYYY-MM-DD); null: date unknown" })) })),
    said: Text,
  },
  { description: 'What the status rests on, in words' },
);
export const Facility = Type.Object({
  id: Type.String(),
  type: Type.Unsafe<string>({ type: 'string', enum: [...FACILITY_TYPES] }),
  name: N(Type.String()),
  status: Type.String({ description: 'The status to act on: unknown once a live status went stale (see statusBasis)' }),
  reportedStatus: Type.String({ description: 'What the source last said' }),
  statusBasis: StatusBasisSchema,
  line: N(Type.String()),
  location: N(Type.String()),
  levels: N(Type.String()),
  exitNo: N(Type.String()),
  details: Type.Record(Type.String(), Type.String()),
  source: Type.Object({ file: Type.String(), row: Type.Integer() }),
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
