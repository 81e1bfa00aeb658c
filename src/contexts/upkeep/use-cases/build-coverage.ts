import type { Services } from '../../../core/context.js';
import { countFeedStations, listStationNames, listStationsWithInterior } from '../../transit/index.js';
import { listAllProposalMarks } from '../store/proposal.repository.js';
import { listAllReportMarks } from '../store/report.repository.js';
import { listAllStewards } from '../store/steward.repository.js';
import { listAllVersionMarks } from '../store/version.repository.js';
import { PROBLEMS } from './report-problem.js';
import { withOrganisations } from './stewardship.js';

export interface StationCoverage {
  stationId: string;
  nameKo: string | null;
  nameEn: string | null;
  version: number | null;
  lastVerifiedAt: string | null;
  verifiedBy: string | null;
  stale: boolean;
  openReports: number;
  pendingProposals: number;
}
export interface OrganisationCoverage {
  organisationId: string;
  slug: string;
  nameKo: string | null;
  nameEn: string | null;
  attributes: string[];
  approvals: number;
  reportsOpen: number;
  reportsResolved: number;
  meanHoursToResolve: number | null;
}

const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null);

/**
 * The milestone "5 stations → more", measured: stations with an interior, verified in the field and when,
 * stale ones, open reports and time to resolve them, per organisation.
 */
export async function buildCoverage(services: Services) {
  const db = services.db;
  const now = services.now();
  const staleBefore = new Date(now.getTime() - services.config.transitVerifiedStaleDays * 86_400_000).toISOString();
  const [ids, totalStations, versions, reports, proposals, stewards] = await Promise.all([
    listStationsWithInterior(db),
    countFeedStations(db, 'seoul'),
    listAllVersionMarks(db),
    listAllReportMarks(db),
    listAllProposalMarks(db),
    listAllStewards(db)
      .then((rows) => withOrganisations(db, rows))
      .then((rows) => rows.map(({ organisation_id, ...r }) => ({ ...r, id: organisation_id }))),
  ]);
  const names = ids.length ? await listStationNames(db, ids) : [];
  const orgName = new Map(stewards.map((s) => [s.id, s.name_ko ?? s.name_en ?? s.slug]));
  const stations: StationCoverage[] = names
    .map((s) => {
      const vs = versions.filter((v) => v.station_id === s.id);
      const verified = vs.filter((v) => v.verified_at).sort((a, b) => (b.verified_at! < a.verified_at! ? -1 : 1))[0];
      return {
        stationId: s.id,
        nameKo: s.name_ko,
        nameEn: s.name_en,
        version: vs.length ? Math.max(...vs.map((v) => v.version)) : null,
        lastVerifiedAt: verified?.verified_at ?? null,
        verifiedBy: verified?.verified_by_org ? (orgName.get(verified.verified_by_org) ?? null) : null,
        stale: !verified || verified.verified_at! < staleBefore,
        openReports: reports.filter((r) => r.station_id === s.id && r.status === 'open').length,
        pendingProposals: proposals.filter((p) => p.station_id === s.id && p.status === 'pending').length,
      };
    })
    .sort((a, b) => (a.nameKo ?? '').localeCompare(b.nameKo ?? '', 'ko'));
  const resolved = reports.filter((r) => r.resolved_at);
  const orgIds = [...new Set(stewards.map((s) => s.id))];
  const organisations: OrganisationCoverage[] = orgIds.map((id) => {
    const s = stewards.find((x) => x.id === id)!;
    const mine = reports.filter((r) => r.organisation_id === id);
    return {
      organisationId: id,
      slug: s.slug,
      nameKo: s.name_ko,
      nameEn: s.name_en,
      attributes: [...new Set(stewards.filter((x) => x.id === id).map((x) => (x.station_key === '*' ? x.attribute : `${x.attribute} @ ${x.station_key}`)))],
      approvals: proposals.filter((p) =>
        Object.values(JSON.parse(p.approvals) as Record<string, { organisationId: string | null }>).some((a) => a.organisationId === id),
      ).length,
      reportsOpen: mine.filter((r) => r.status === 'open').length,
      reportsResolved: mine.filter((r) => r.resolved_at).length,
      meanHoursToResolve: mean(mine.filter((r) => r.resolved_at).map((r) => hoursBetween(r.created_at, r.resolved_at!))),
    };
  });
  return {
    totals: {
      stations: totalStations,
      withInterior: stations.length,
      verified: stations.filter((s) => s.lastVerifiedAt).length,
      stale: stations.filter((s) => s.stale).length,
      openReports: reports.filter((r) => r.status === 'open').length,
      pendingProposals: proposals.filter((p) => p.status === 'pending').length,
      meanHoursToResolve: mean(resolved.map((r) => hoursBetween(r.created_at, r.resolved_at!))),
      verifiedStaleAfterDays: services.config.transitVerifiedStaleDays,
    },
    stations,
    organisations,
    problems: PROBLEMS,
  };
}
