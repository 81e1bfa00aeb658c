import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { unauthenticated } from '../../../core/errors.js';
import { listMemberIds, notifyUsers } from '../../accounts/index.js';
import { findProposalByClient, insertProposal } from '../store/proposal.repository.js';
import { applyOps, attributesOf, parseOps, ProposalInvalid, type ChangeOp, type OpIssue } from './change-ops.js';
import { diffInteriors } from './interior-diff.js';
import { toInterior, toRows } from './interior-model.js';
import { ensureBaseline, latestVersion, loadStationRows, snapshotOf } from './interior-store.js';
import { foreignPhotos } from './photo-access.js';
import { stewardsOf } from './stewardship.js';
import type { ProposalRow } from '../store/tables.js';
import { assertNoNewErrors } from './validate-interior.js';

export const PROPOSAL_SOURCES = ['survey', 'editor', 'api'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

export interface Evidence {
  note: string | null;
  photos: string[];
  /** When the volunteer was in the station (a survey), ISO date-time. */
  surveyedAt: string | null;
  measurements?: Array<{ what: string; value: number; unit: string }>;
}

export interface ProposeChangeInput {
  stationId: string;
  title: unknown;
  ops: unknown;
  note?: unknown;
  photos?: unknown;
  surveyedAt?: unknown;
  source: ProposalSource;
  /** The id of the draft on the device: sending it again returns the proposal already made. */
  clientId?: string | null;
}

/** New nodes, pathways and levels carry the station's id as prefix, so two stations never collide in a feed. */
function checkNewIds(stationId: string, ops: ChangeOp[]) {
  const issues: OpIssue[] = [];
  const prefix = `${stationId}:`;
  ops.forEach((o, i) => {
    const id = o.op === 'add_node' ? o.node.stopId : o.op === 'add_edge' ? o.edge.pathwayId : o.op === 'add_level' ? o.level.levelId : null;
    const field = o.op === 'add_node' ? 'node.stopId' : o.op === 'add_edge' ? 'edge.pathwayId' : 'level.levelId';
    if (id !== null && !id.startsWith(prefix)) issues.push({ path: `ops[${i}].${field}`, message: `a new id must start with "${prefix}"` });
  });
  if (issues.length) throw new ProposalInvalid(issues);
}

/**
 * Checks a proposed change against the station's current version (shape, references, ids, and that it breaks
 * no GTFS rule) and returns the new interior rows; throws with every problem and its place otherwise.
 */
export async function previewChange(services: Services, stationId: string, rawOps: unknown, opts: { keepBaseline?: boolean } = {}) {
  const ops = parseOps(rawOps);
  checkNewIds(stationId, ops);
  // A preview writes nothing; a proposal records version 1 first (what its diff is against).
  const base = opts.keepBaseline
    ? await services.db.transaction().execute((tx) => ensureBaseline(tx, stationId, services.now().toISOString()))
    : ((await latestVersion(services.db, stationId)) ?? (await virtualBaseline(services, stationId)));
  const before = snapshotOf(base);
  const interior = applyOps(toInterior(before), ops, stationId);
  const after = toRows(base.feed, stationId, interior, before, { source: 'proposal' });
  assertNoNewErrors(before, after);
  return { ops, base, after, diff: diffInteriors(toInterior(before), toInterior(after)), attributes: attributesOf(ops) };
}

async function virtualBaseline(services: Services, stationId: string) {
  const { feed, rows } = await loadStationRows(services.db, stationId);
  return { version: 1, feed, snapshot: JSON.stringify(rows) };
}

/** The proposal a device draft already made (sent twice: a double tap, or an outbox after a lost answer). */
export const proposalSentBefore = async (services: Services, authorId: string, clientId: string | null | undefined) =>
  clientId ? await findProposalByClient(services.db, authorId, clientId) : undefined;

/** Anyone signed in proposes; the stewards of the attributes it touches are told, and review it. */
export async function proposeChange(services: Services, actor: Actor, input: ProposeChangeInput): Promise<ProposalRow> {
  if (!actor.user) throw unauthenticated();
  const clientId = typeof input.clientId === 'string' && /^[\w-]{8,64}$/.test(input.clientId) ? input.clientId : null;
  const again = await proposalSentBefore(services, actor.user.id, clientId);
  if (again) return again;
  const issues: OpIssue[] = [];
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length < 3 || title.length > 200 || /[<>]/.test(title)) issues.push({ path: 'title', message: 'must be 3 to 200 characters, without < or >' });
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
  if (note && (note.length > 5000 || /<\s*script/i.test(note))) issues.push({ path: 'note', message: 'must be at most 5000 characters of plain text' });
  const photos = Array.isArray(input.photos) ? input.photos.filter((p): p is string => typeof p === 'string') : [];
  const surveyedAt = typeof input.surveyedAt === 'string' && !Number.isNaN(Date.parse(input.surveyedAt)) ? new Date(input.surveyedAt).toISOString() : null;
  if (input.surveyedAt !== undefined && input.surveyedAt !== null && input.surveyedAt !== '' && !surveyedAt)
    issues.push({ path: 'surveyedAt', message: 'must be a date and time' });
  if (issues.length) throw new ProposalInvalid(issues);
  const preview = await previewChange(services, input.stationId, input.ops, { keepBaseline: true });
  const foreign = await foreignPhotos(services.db, input.stationId, actor.user.id, photos);
  if (foreign.length) throw new ProposalInvalid(foreign);
  const at = services.now().toISOString();
  const evidence: Evidence = { note, photos, surveyedAt: input.source === 'survey' ? (surveyedAt ?? at) : surveyedAt };
  const row: ProposalRow = {
    id: randomUUID(),
    station_id: input.stationId,
    base_version: preview.base.version,
    status: 'pending',
    source: input.source,
    title,
    ops: JSON.stringify(preview.ops),
    evidence: JSON.stringify(evidence),
    attributes: JSON.stringify(preview.attributes),
    approvals: '{}',
    author_id: actor.user.id,
    client_id: clientId,
    review_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    result_version: null,
    created_at: at,
    updated_at: at,
    revision: 1,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertProposal(tx, row);
    await recordAudit(tx, actor, {
      action: 'transit.proposal.create',
      entityType: 'transit_proposal',
      entityId: row.id,
      after: { stationId: row.station_id, title, attributes: preview.attributes, changes: preview.diff.length },
    });
  });
  await notifyStewards(services, row.station_id, preview.attributes, {
    title: { ko: `검토할 변경 제안: ${title}`, en: `Change proposal to review: ${title}` },
    body: {
      ko: '역 내부 지도의 변경 제안이 들어왔습니다. 차이를 보고 승인하거나 수정을 요청하세요.',
      en: 'A change to a station interior was proposed. Review the diff, then approve or ask for changes.',
    },
    url: `/transit/proposals/${row.id}`,
  });
  return row;
}

/** Tells the members of the organisations stewarding these attributes at the station. */
export async function notifyStewards(services: Services, stationId: string, attributes: string[], message: Parameters<typeof notifyUsers>[2]) {
  const stewards = await stewardsOf(services.db, stationId);
  const orgs = [...new Set(attributes.map((a) => stewards.get(a as never)?.organisationId).filter((x): x is string => !!x))];
  if (!orgs.length) return;
  const members = await listMemberIds(services.db, orgs);
  await notifyUsers(services, [...new Set(members)], message);
}
