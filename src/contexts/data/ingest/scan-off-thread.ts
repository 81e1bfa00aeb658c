import { Worker } from 'node:worker_threads';
import type { UploadScan } from './scan-bytes.mjs';

/**
 * How far below the main thread the scan worker runs (a Linux nice value, 0–19): high enough that DuckDB's read
 * and the requests come first, low enough that a busy server still scans an upload (CFS gives a thread at nice
 * 10 about a tenth of a contended core).
 */
export const SCAN_NICE = 10;

const asBuffer = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null);

/**
 * Reads an upload's bytes once on a worker thread (scan-worker.mjs): UTF-8 validity, byte-order mark, first bytes,
 * SHA-256, replacement characters, and trailing-delimiter line ends when a delimiter is given. The main thread stays
 * free for requests and for DuckDB's callbacks while the file is typed and written. Measured on the 1M-row bench
 * file (75 MB): the same scan on the main thread cost the one-pass ingest 35–40 ms of its 590.
 */
export function scanUploadOffThread(file: string, delimiter: string | null): Promise<UploadScan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scan-worker.mjs', import.meta.url), { workerData: { file, delimiter, nice: SCAN_NICE }, execArgv: [] });
    let settled = false;
    worker.once('message', (m: UploadScan) => {
      settled = true;
      const { scan } = m;
      resolve({ ...m, scan: { ...scan, head: asBuffer(scan.head)!, badWindow: asBuffer(scan.badWindow) } });
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the upload scan stopped (exit code ${code})`));
    });
  });
}
