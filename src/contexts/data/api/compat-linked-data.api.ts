import { pipeline, Transform } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { errorResponses, textBody } from '../../../core/http/schemas.js';
import { loadCatalogue, loadEntry } from '../compat/catalogue-view.js';
import { dataPackage } from '../compat/datapackage.js';
import { catalogNodes, datasetNodes } from '../compat/dcat/dcat.js';
import { toJsonLd, toTurtle } from '../compat/dcat/rdf.js';
import { loadVersionFacts } from '../compat/dcat/versions.js';
import { compatUrls } from '../compat/urls.js';
import { downloadRows } from '../query/download-rows.js';

/**
 * The catalogue as linked data and packages: DCAT-AP 3 in JSON-LD and Turtle (whole catalogue and per
 * dataset), and a Frictionless datapackage.json per dataset. Restricted datasets are never included.
 */
const tags = ['data'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const JSON_LD = 'application/ld+json; charset=utf-8';
const TURTLE = 'text/turtle; charset=utf-8';
const jsonLd = {
  description: 'JSON-LD: @context (the DCAT-AP prefixes) and @graph (catalogue, datasets, distributions, data services)',
  content: {
    'application/ld+json': {
      schema: Type.Object({ '@context': Type.Record(Type.String(), Type.String()), '@graph': Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
    },
  },
};
const DataPackage = Type.Object(
  {
    resources: Type.Array(
      Type.Object(
        { name: Type.String(), path: Type.Optional(Type.Unknown()) },
        { additionalProperties: true, description: 'A table (its Table Schema and the CSV of its version) or a link' },
      ),
    ),
  },
  { additionalProperties: true, description: 'A Frictionless Data Package (datapackage.json)' },
);

export function registerLinkedDataApi(app: App, services: Services) {
  const urls = compatUrls(services.config.publicUrl);
  const catalogue = async () => {
    const entries = await loadCatalogue(services.db);
    return catalogNodes(
      entries,
      urls,
      await loadVersionFacts(
        services,
        entries.map((e) => e.dataset.id),
      ),
    );
  };
  const dataset = async (id: string) => {
    const entry = await loadEntry(services.db, id);
    return datasetNodes(entry, urls, await loadVersionFacts(services, [entry.dataset.id]));
  };

  app.get(
    '/api/v1/data/catalog.jsonld',
    {
      schema: { tags, summary: 'The public catalogue in DCAT-AP 3 (JSON-LD): catalogue, datasets, distributions, data services', response: { 200: jsonLd } },
    },
    async (_request, reply) => reply.type(JSON_LD).send(toJsonLd(await catalogue())),
  );

  app.get(
    '/api/v1/data/catalog.ttl',
    {
      schema: { tags, summary: 'The public catalogue in DCAT-AP 3 (Turtle)', response: { 200: textBody('text/turtle', 'RDF in Turtle') } },
    },
    async (_request, reply) => reply.type(TURTLE).send(await toTurtle(await catalogue())),
  );

  app.get(
    '/api/v1/data/datasets/:id/dcat.jsonld',
    {
      schema: { tags, summary: 'One dataset in DCAT-AP 3 (JSON-LD)', params: IdParams, response: { 200: jsonLd, ...errorResponses(404) } },
    },
    async (request, reply) => reply.type(JSON_LD).send(toJsonLd(await dataset(request.params.id))),
  );

  app.get(
    '/api/v1/data/datasets/:id/dcat.ttl',
    {
      schema: {
        tags,
        summary: 'One dataset in DCAT-AP 3 (Turtle)',
        params: IdParams,
        response: { 200: textBody('text/turtle', 'RDF in Turtle'), ...errorResponses(404) },
      },
    },
    async (request, reply) => reply.type(TURTLE).send(await toTurtle(await dataset(request.params.id))),
  );

  registerPackageCsv(app, services);

  app.get(
    '/api/v1/data/datasets/:id/datapackage.json',
    {
      schema: {
        tags,
        summary: 'One dataset as a Frictionless Data Package: each published table with its Table Schema and the CSV of that version',
        params: IdParams,
        response: { 200: DataPackage, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const pkg = dataPackage(await loadEntry(services.db, request.params.id), urls);
      if (pkg.resources.length === 0) throw new AppError('data.nothing_published', 'This dataset has no published table or link yet', 404);
      return reply.type('application/json; charset=utf-8').send(pkg);
    },
  );
}

/** Drops a UTF-8 byte order mark at the very start of a byte stream. */
export function withoutBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (first) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      callback(null, buf);
    },
  });
}

export function registerPackageCsv(app: App, services: Services) {
  app.get(
    '/api/v1/data/datasets/:id/datapackage/:resource/:version/data.csv',
    {
      schema: {
        tags,
        summary: 'One version of a table as the CSV its datapackage.json describes: UTF-8 without a byte order mark, CRLF, RFC 4180',
        params: Type.Object({ id: Type.String({ maxLength: 80 }), resource: Type.String({ maxLength: 200 }), version: Type.Integer({ minimum: 1 }) }),
        response: { 200: textBody('text/csv', 'UTF-8 without a byte order mark, CRLF, RFC 4180'), ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, resource, version } = request.params;
      const d = await downloadRows(services, id, 'csv', { resource, version });
      reply.type(d.contentType).header('content-disposition', `attachment; filename="${d.filename}"`);
      const body = withoutBom();
      pipeline(d.body, body, () => undefined); // an error mid-stream destroys `body`, which ends the response
      return reply.send(body);
    },
  );
}
