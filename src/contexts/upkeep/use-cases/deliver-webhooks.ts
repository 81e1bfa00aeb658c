import type { Services } from '../../../core/context.js';
import { guardedRequest, publicOutboundError, type OutboundPolicy } from '../../../core/http/outbound.js';
import { claimDelivery, listDueDeliveries, updateDelivery } from '../store/webhook.repository.js';
import { recordStaleness } from './record-staleness.js';
import { signPayload, SIGNATURE_HEADER } from './webhook-signature.js';

/** Attempts before a delivery is given up; the waits double from 30 s (30 s, 1 min, 2 min … about 32 min). */
export const MAX_ATTEMPTS = 7;
export const backoffMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
}

/**
 * Sends the due deliveries. Each is claimed with a lease first (a conditional update), so two servers, or a
 * server restarted mid-run, never send the same delivery at once; a delivered one is never sent again. The
 * body carries the delivery id: a receiver that missed our "delivered" mark (a crash after sending) can drop
 * the repeat.
 */
export async function deliverDueWebhooks(services: Services, opts: { policy?: OutboundPolicy; limit?: number } = {}): Promise<DeliveryReport> {
  // Every delivery goes through the guarded client: the receiver's name is resolved and checked each time
  // (a name that now points inside is refused), and callers read only a fixed phrase about a failure.
  const policy: OutboundPolicy = opts.policy ?? { allowPrivate: services.config.webhookAllowPrivate, maxRedirects: 0, timeoutMs: TIMEOUT_MS };
  await recordStaleness(services); // a status gone stale is announced at the moment it does, not at the next sweep
  const now = services.now();
  const at = now.toISOString();
  const due = await listDueDeliveries(services.db, at, opts.limit ?? 50);
  const report: DeliveryReport = { attempted: 0, delivered: 0, failed: 0 };
  for (const d of due) {
    if (!(await claimDelivery(services.db, d.id, at, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
    report.attempted++;
    const body = JSON.stringify({
      deliveryId: d.id,
      seq: d.change_seq,
      kind: d.kind,
      stationId: d.station_id,
      ref: d.ref,
      at: d.at,
      data: JSON.parse(d.payload) as unknown,
    });
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await guardedRequest(
        d.url,
        {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'open-seoul-webhooks/1',
            'x-open-seoul-delivery': d.id,
            'x-open-seoul-event': d.kind,
            [SIGNATURE_HEADER]: signPayload(d.secret, body, services.now()),
          },
        },
        policy,
      );
      status = response.status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = publicOutboundError(e);
    }
    const attempts = d.attempts + 1;
    if (!error) {
      await updateDelivery(services.db, d.id, {
        status: 'delivered',
        attempts,
        last_status: status,
        last_error: null,
        delivered_at: services.now().toISOString(),
        lease_until: null,
      });
      report.delivered++;
    } else {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await updateDelivery(services.db, d.id, {
        status: giveUp ? 'failed' : 'pending',
        attempts,
        last_status: status,
        last_error: error,
        lease_until: null,
        next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      });
      report.failed++;
    }
  }
  return report;
}

/** Delivers every few seconds while the server runs. */
export function startWebhookJob(services: Services, everyMs = 2_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    deliverDueWebhooks(services)
      .then(
        (r) => {
          if (r.attempted) services.log.info(r, 'transit webhooks');
        },
        (error: unknown) => services.log.error({ err: error }, 'transit webhooks failed'),
      )
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
