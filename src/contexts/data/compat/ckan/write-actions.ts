import type { Actor } from '../../../../core/auth/actor.js';
import { recordAudit } from '../../../../core/audit/audit-log.js';
import { indexDocument } from '../../../../core/search/search-index.js';
import { assertAllowed } from '../../../accounts/index.js';
import { datasetPolicy } from '../../domain/policy.js';
import { getDataset, listResources } from '../../store/dataset.repository.js';
import { insertResource, updateDatasetRow } from '../../store/catalogue.repository.js';
import type { DatasetRow, ResourceRow } from '../../store/tables.js';
import { checkDataset, createDataset, datasetSearchDoc, describedColumns, type DatasetInput } from '../../use-cases/create-dataset.js';
import { publishVersion } from '../../use-cases/publish-version.js';
import { stageUpload } from '../../use-cases/stage-upload.js';
import { loadEntry } from '../catalogue-view.js';
import { deleteDataset } from '../../use-cases/delete-dataset.js';
import type { ActionContext } from './actions.js';
import { ckanPackage, ckanResource } from './package.js';
import { packageInput } from './package-input.js';
import { CkanError, invalid, notFoundError, required, text, type Params } from './params.js';

/**
 * The write actions a harvester or ckanapi uses, each through the platform's own use cases (policy, checks,
 * audit): package_create, package_patch, resource_create (a file upload as multipart, or a link by url).
 * They need an API key (ckanapi sends it raw in `Authorization`); the HTTP layer refuses them over GET and
 * for cookie sessions (no CSRF token on this API). package_delete belongs to the publisher's delete (a
 * tombstone with a reason) and is wired to it when that lands.
 */
export interface UploadedFile {
  path: string;
  filename: string;
}
export interface WriteContext extends ActionContext {
  actor: Actor;
  upload?: UploadedFile;
}

function signedIn(actor: Actor) {
  if (!actor.user) throw new CkanError('Authorization Error', 'Authorization Error: write actions need an API key in the Authorization header', 401);
  if (actor.kind !== 'api_key') {
    throw new CkanError(
      'Authorization Error',
      'Authorization Error: a signed-in session cannot write here (no CSRF token on this API); send an API key in the Authorization header',
      403,
    );
  }
}

/** The package as its writer sees it (a new package is a draft, unlisted until its first version). */
const writerPackage = async (ctx: ActionContext, id: string) => ckanPackage(await loadEntry(ctx.services.db, id, { unlisted: true }), ctx.urls);

/** A dataset the caller may change; 404 when it does not exist or is not theirs to see. */
async function ownDataset(ctx: WriteContext, id: string): Promise<DatasetRow> {
  const dataset = await getDataset(ctx.services.db, id).catch(() => null);
  if (!dataset || (dataset.restricted && !datasetPolicy.canPublish(ctx.actor, dataset))) throw notFoundError('Dataset');
  assertAllowed(ctx.actor, datasetPolicy.canPublish(ctx.actor, dataset), 'data.dataset.update');
  return dataset;
}

const inputOf = (d: DatasetRow): DatasetInput => ({
  id: d.id,
  titleKo: d.title_ko,
  titleEn: d.title_en,
  descriptionKo: d.description_ko,
  descriptionEn: d.description_en,
  publisherId: d.publisher_id,
  topics: JSON.parse(d.topics) as string[],
  keywords: JSON.parse(d.keywords) as string[],
  licence: d.licence,
  frequency: d.frequency,
  temporalStart: d.temporal_start,
  temporalEnd: d.temporal_end,
  spatial: d.spatial,
  contactName: d.contact_name,
  contactEmail: d.contact_email,
  sourceUrl: d.source_url,
  attribution: d.attribution,
});

async function addLinkResource(ctx: WriteContext, dataset: DatasetRow, r: Params): Promise<ResourceRow> {
  const url = required(r, 'url');
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('scheme');
  } catch {
    throw invalid('url', 'Must be an http(s) URL');
  }
  const existing = await listResources(ctx.services.db, dataset.id);
  const at = ctx.services.now().toISOString();
  const row: ResourceRow = {
    id: `${dataset.id}--${existing.length}`,
    dataset_id: dataset.id,
    name: text(r, 'name') ?? url,
    kind: 'link',
    url,
    format: text(r, 'format')?.toUpperCase() ?? null,
    description: text(r, 'description') ?? null,
    position: existing.length,
    latest_version: null,
    created_at: at,
    updated_at: at,
  };
  await ctx.services.db.transaction().execute(async (tx) => {
    await insertResource(tx, row);
    await updateDatasetRow(tx, dataset.id, { updated_at: at });
    await recordAudit(tx, ctx.actor, { action: 'data.resource.create', entityType: 'data_resource', entityId: row.id, after: { ...row } });
  });
  return row;
}

export const WRITE_ACTIONS: Record<string, { help: string; run: (ctx: WriteContext, p: Params) => Promise<unknown> }> = {
  package_create: {
    help: 'Create a dataset. Parameters: name (the id), title or title_translated, notes or notes_translated, owner_org, tags, groups, license_id, url, maintainer, maintainer_email, extras (temporal_start, temporal_end, spatial_text, attribution, frequency), resources (links: {url, name, format}). Needs an API key.',
    run: async (ctx, p) => {
      signedIn(ctx.actor);
      const input = await packageInput(ctx.services.db, p);
      if (input.id === undefined) throw invalid('name', 'Missing value');
      const row = await createDataset(ctx.services, ctx.actor, input as DatasetInput);
      const links = Array.isArray(p.resources) ? (p.resources as Params[]) : [];
      for (const r of links) await addLinkResource(ctx, row, r);
      return writerPackage(ctx, row.id);
    },
  },
  package_patch: {
    help: 'Change some fields of a dataset; the others stay. Parameters: id (or name), then any field of package_create. Needs an API key.',
    run: async (ctx, p) => {
      signedIn(ctx.actor);
      const dataset = await ownDataset(ctx, text(p, 'id') ?? required(p, 'name'));
      const { id: _newId, ...changes } = await packageInput(ctx.services.db, p);
      if (p.name !== undefined && p.name !== dataset.id && p.id !== undefined) throw invalid('name', 'A dataset id cannot be changed (it is a stable URL)');
      const d = checkDataset({ ...inputOf(dataset), ...changes }, { requireId: false });
      if (d.publisherId !== dataset.publisher_id) assertAllowed(ctx.actor, datasetPolicy.canCreate(ctx.actor, d.publisherId), 'data.dataset.move');
      const at = ctx.services.now().toISOString();
      const after: DatasetRow = {
        ...dataset,
        ...describedColumns(d),
        updated_at: at,
      };
      await ctx.services.db.transaction().execute(async (tx) => {
        const { id, created_at: _c, created_by: _b, restricted: _r, ...set } = after;
        await updateDatasetRow(tx, id, set);
        await indexDocument(tx, datasetSearchDoc(after));
        await recordAudit(tx, ctx.actor, {
          action: 'data.dataset.update',
          entityType: 'data_dataset',
          entityId: id,
          before: { ...dataset },
          after: { ...after },
        });
      });
      if (dataset.restricted) return { id: dataset.id, name: dataset.id, private: true };
      return writerPackage(ctx, dataset.id);
    },
  },
  package_delete: {
    help: 'Delete a dataset (its publisher): it leaves a tombstone, and every API answers 410 Gone with the reason. Parameters: id, reason (an Open Seoul extension; without it the tombstone says that no reason was given). Needs an API key.',
    run: async (ctx, p) => {
      signedIn(ctx.actor);
      const dataset = await ownDataset(ctx, required(p, 'id'));
      const given = typeof p.reason === 'string' ? p.reason.trim() : '';
      await deleteDataset(ctx.services, ctx.actor, dataset.id, {
        reason: given || 'CKAN API(package_delete)로 삭제, 이유를 밝히지 않음 / Deleted through the CKAN API (package_delete); no reason was given',
      });
      return null;
    },
  },
  resource_create: {
    help: 'Add to a dataset: a file sent as multipart field "upload" becomes the next published version of its table (read, typed and validated as any upload); a "url" without a file becomes a link resource. Parameters: package_id, upload or url, name, format, description. Needs an API key.',
    run: async (ctx, p) => {
      signedIn(ctx.actor);
      const dataset = await ownDataset(ctx, required(p, 'package_id'));
      if (!ctx.upload) {
        const row = await addLinkResource(ctx, dataset, p);
        if (dataset.restricted) return { id: row.id, package_id: dataset.id };
        const entry = await loadEntry(ctx.services.db, dataset.id, { unlisted: true });
        return ckanResource(entry, entry.resources.find((r) => r.row.id === row.id)!, ctx.urls);
      }
      const preview = await stageUpload(ctx.services, ctx.actor, { datasetId: dataset.id, file: ctx.upload.path, filename: ctx.upload.filename });
      const published = await publishVersion(ctx.services, ctx.actor, preview.versionId);
      if (dataset.restricted) return { id: published.resourceId, package_id: dataset.id, version: published.version };
      const entry = await loadEntry(ctx.services.db, dataset.id, { unlisted: true });
      const resource = ckanResource(entry, entry.resources.find((r) => r.row.id === published.resourceId)!, ctx.urls);
      return { ...resource, validation: published.validation };
    },
  },
};
