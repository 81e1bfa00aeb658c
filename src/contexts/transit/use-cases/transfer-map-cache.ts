import type { Services } from '../../../core/context.js';
import { statusVersion } from './load-network-map.js';

/**
 * Rendered transfer maps (SVG, PDF) and station maps kept by station, route, profile, language and the status version: a
 * status change, an interior edit or the passing minute (a live status going stale) makes a new key, so a
 * cached map never shows an older state than a fresh one would, a minute at most. A render in progress is
 * shared by the requests that wait for it. At most MAX entries, the oldest dropped first.
 */
const MAX = 300;
const caches = new WeakMap<Services, Map<string, Promise<Buffer | string>>>();

export async function cachedTransferMap<T extends Buffer | string>(
  services: Services,
  key: { kind: 'svg' | 'pdf' | 'station.svg' | 'station.pdf'; stationId: string; route: object; profile: string; lang: string },
  render: () => Promise<T>,
): Promise<T> {
  const cache = caches.get(services) ?? new Map<string, Promise<Buffer | string>>();
  caches.set(services, cache);
  const k = JSON.stringify([key.kind, key.stationId, key.route, key.profile, key.lang, await statusVersion(services)]);
  const hit = cache.get(k);
  if (hit) {
    cache.delete(k);
    cache.set(k, hit); // most recently used last
    return hit as Promise<T>;
  }
  const made = render();
  cache.set(k, made);
  made.catch(() => cache.delete(k)); // an error (a 404, a bad route) is not kept
  while (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return made;
}
