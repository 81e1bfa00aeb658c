import { Type } from '@sinclair/typebox';
import { auditToCsv, listAudit } from '../../../core/audit/audit-log.js';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses, MAX_OFFSET } from '../../../core/http/schemas.js';
import { assertAllowed, auditPolicy } from '../../accounts/index.js';

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

export const AuditQuerySchema = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 60 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  actorId: Type.Optional(Type.String({ maxLength: 60 })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 })),
});

export function registerAdminApi(app: App, services: Services) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['admin'],
        security: [{ apiKey: [] }],
        summary: 'Read or export the audit log (admin)',
        querystring: AuditQuerySchema,
        response: { 200: Type.Array(AuditEntrySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      assertAllowed(request.actor, auditPolicy.canRead(request.actor), 'read the audit log');
      const { format = 'json', limit = 100, offset = 0, ...filters } = request.query;
      const rows = await listAudit(services.db, { ...filters, limit, offset });
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="open-seoul-audit.csv"')
          .serializer((s: string) => s)
          .send(auditToCsv(rows) as never);
      }
      return rows;
    },
  );
}
