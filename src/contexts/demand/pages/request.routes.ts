import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { requestUrl } from '../store/tables.js';
import { answerDataRequest } from '../use-cases/answer-data-request.js';
import { assessDataRequest } from '../use-cases/assess-data-request.js';
import { disputeDatasetLink } from '../use-cases/dispute-dataset-link.js';
import { linkPublishedDataset } from '../use-cases/link-published-dataset.js';
import { supportDataRequest } from '../use-cases/support-data-request.js';
import { triageDataRequest } from '../use-cases/triage-data-request.js';
import { runForm } from './page-forms.js';
import { requestPage } from './request.page.js';
import type { SentForm } from './request-forms.js';

const hide = { schema: { hide: true } };

/** The request page and its forms: support, answer, assess, hand over, link the dataset (post/redirect/get). */
export function registerRequestPage(app: App, services: Services) {
  app.get('/demand/requests/:id', hide, async (request, reply) =>
    sendPage(request, reply, await requestPage(services, request, (request.params as { id: string }).id)),
  );

  const action = (
    path: string,
    form: SentForm['form'],
    anchor: string,
    run: (request: FastifyRequest, id: string, body: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(`/demand/requests/:id/${path}`, hide, async (request: FastifyRequest, reply: FastifyReply) => {
      requireUser(request);
      const { id } = request.params as { id: string };
      const body = formBody(request.body);
      const result = await runForm(request.locale, () => run(request, id, body));
      if (!result.ok) return sendPage(request, reply, await requestPage(services, request, id, { form, values: body, errors: result.errors }), result.status);
      return redirectTo(reply, `${requestUrl(id)}#${anchor}`);
    });

  action('support', 'support', 'support-title', (r, id, b) => supportDataRequest(services, r.actor, { requestId: id, district: b.district, group: b.group }));
  action('answer', 'answer', 'decision-title', (r, id, b) =>
    answerDataRequest(services, r.actor, {
      requestId: id,
      decision: b.decision,
      publishBy: b.publishBy,
      partialWhat: b.partialWhat,
      declineReason: b.declineReason,
      declineText: b.declineText,
      reasons: b.reasons,
      nextSteps: b.nextSteps,
    }),
  );
  action('assessment', 'assess', 'priority-title', (r, id, b) =>
    assessDataRequest(services, r.actor, { requestId: id, feasibility: b.feasibility, reuse: b.reuse }),
  );
  action('department', 'triage', 'decision-title', (r, id, b) => triageDataRequest(services, r.actor, { requestId: id, organisation: b.organisation }));
  action('dataset', 'link', 'decision-title', (r, id, b) =>
    linkPublishedDataset(services, r.actor, { requestId: id, datasetId: b.datasetId, reason: b.reason }),
  );
  action('dispute', 'dispute', 'decision-title', (r, id, b) => disputeDatasetLink(services, r.actor, { requestId: id, reason: b.reason }));
}
