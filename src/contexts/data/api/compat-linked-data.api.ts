import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { loadCatalogue, loadEntry } from '../compat/catalogue-view.js';
import { dataPackage } from '../compat/datapackage.js';
import { catalogNodes, datasetNodes } from '../compat/dcat/dcat.js';
import { toJsonLd, toTurtle } from '../compat/dcat/rdf.js';
import { compatUrls } from '../compat/urls.js';

/**
 * The catalogue as linked data and packages: DCAT-AP 3 in JSON-LD and Turtle (whole catalogue and per
 * dataset), and a Frictionless datapackage.json per dataset. Restricted datasets are never included.
 */
const tags = ['data'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const JSON_LD = 'application/ld+json; charset=utf-8';
const TURTLE = 'text/turtle; charset=utf-8';

export function registerLinkedDataApi(app: App, services: Services) {
  const urls = compatUrls(services.config.publicUrl);

  app.get('/api/v1/data/catalog.jsonld', {
    schema: { tags, summary: 'The public catalogue in DCAT-AP 3 (JSON-LD): catalogue, datasets, distributions, data services', produces: ['application/ld+json'] },
  }, async (_request, reply) => reply.type(JSON_LD).send(toJsonLd(catalogNodes(await loadCatalogue(services.db), urls))));

  app.get('/api/v1/data/catalog.ttl', {
    schema: { tags, summary: 'The public catalogue in DCAT-AP 3 (Turtle)', produces: ['text/turtle'] },
  }, async (_request, reply) => reply.type(TURTLE).send(await toTurtle(catalogNodes(await loadCatalogue(services.db), urls))));

  app.get('/api/v1/data/datasets/:id/dcat.jsonld', {
    schema: { tags, summary: 'One dataset in DCAT-AP 3 (JSON-LD)', params: IdParams, produces: ['application/ld+json'] },
  }, async (request, reply) => reply.type(JSON_LD).send(toJsonLd(datasetNodes(await loadEntry(services.db, request.params.id), urls))));

  app.get('/api/v1/data/datasets/:id/dcat.ttl', {
    schema: { tags, summary: 'One dataset in DCAT-AP 3 (Turtle)', params: IdParams, produces: ['text/turtle'] },
  }, async (request, reply) => reply.type(TURTLE).send(await toTurtle(datasetNodes(await loadEntry(services.db, request.params.id), urls))));

  app.get('/api/v1/data/datasets/:id/datapackage.json', {
    schema: {
      tags, summary: 'One dataset as a Frictionless Data Package: each published table with its Table Schema and the CSV of that version',
      params: IdParams,
    },
  }, async (request, reply) => {
    const pkg = dataPackage(await loadEntry(services.db, request.params.id), urls);
    if (pkg.resources.length === 0) throw new AppError('data.nothing_published', 'This dataset has no published table or link yet', 404);
    return reply.type('application/json; charset=utf-8').send(pkg);
  });
}
