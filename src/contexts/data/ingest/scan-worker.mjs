// The scan of an upload's bytes (scan-bytes.mjs `scanUpload`) on a thread of its own, at a low priority: the
// SHA-256 and the checks of a large file then take the CPU that DuckDB's read of the same file leaves over, not
// the request handling's (the main thread) nor DuckDB's. Started by scan-off-thread.ts, one worker per upload.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { scanUpload } from './scan-bytes.mjs';

// Linux keeps a nice value per thread: this thread's id is the last part of /proc/thread-self. Elsewhere the
// priority is left as it is (setting it there would lower the whole process).
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, workerData.nice);
} catch {
  // not Linux, or not allowed: the scan runs at the process's priority
}

const result = await scanUpload(workerData.file, workerData.delimiter);
parentPort.postMessage(result);
