/**
 * Map benchmarks (issue 16), against the running app, in the same run as their peers:
 *   maps.pdf.p50ms       a transfer-map PDF (교대, wheelchair) from the warm cache, median of sequential
 *                        requests ÷ the same PDF rendered cold (each profile × language once, so no cache hit)
 *   maps.network.p50ms   the network map page (/transit/map, 650 stations drawn and listed) ÷ the /transit
 *                        search page, both server-rendered, median of sequential requests
 *   maps.network.bytes   the network map page's size ÷ its budget (150 KB)
 */
type Emit = (name: string, value: number, unit: string, peer: number) => void;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timed(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${url}: ${res.status} ${body.toString('utf8', 0, 200)}`);
  return { ms: performance.now() - t0, bytes: body.length };
}

async function p50(url: string, n: number) {
  await timed(url); // warm-up (and, for a cached map, the render that fills the cache)
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(url)).ms);
  return median(times);
}

/** `routeUrl` is the pilot route of bench/run.ts (…/routes?from=…&to=…&profile=wheelchair). */
export async function benchMaps(emit: Emit, base: string, routeUrl: string) {
  const pdfUrl = (profile: string, lang: string) =>
    `${base}${routeUrl.replace('/routes?', '/transfer-map.pdf?').replace('profile=wheelchair', `profile=${profile}`)}&lang=${lang}`;
  const cold: number[] = [];
  for (const profile of ['walking', 'wheelchair', 'stroller', 'low_vision', 'elderly'])
    for (const lang of ['ko', 'en']) {
      cold.push((await timed(pdfUrl(profile, lang))).ms);
    }
  const warm = await p50(pdfUrl('wheelchair', 'ko'), 30);
  emit('maps.pdf.p50ms', warm, 'ms', median(cold));
  const network = await p50(`${base}/transit/map`, 20);
  const search = await p50(`${base}/transit`, 20);
  emit('maps.network.p50ms', network, 'ms', search);
  emit('maps.network.bytes', (await timed(`${base}/transit/map`)).bytes, 'bytes', 150 * 1024);
}
