import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Services } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';
import { heldViews } from './sandbox-files.js';
import { listSandboxTables, type SandboxTable } from './sandbox-tables.js';

/**
 * Child processes running the sandbox DuckDB (sandbox-worker.mjs), each one query at a time. A query past its
 * time is interrupted, and its process killed if it does not stop within a second (DuckDB checks interrupts
 * between vectors, not inside one huge scalar). Each process's data segment is capped with prlimit where
 * available, on top of DuckDB's memory_limit, so a huge value fails there and not in the server.
 * The shared sandbox's tables are those of listSandboxTables(), re-read at most every REFRESH_MS, and its views
 * those of them whose file is on this machine (sandbox-files.ts: all on the local store; on object storage the
 * ones a query named): when the views changed (a new version published or fetched, a dataset restricted) idle
 * processes are replaced and busy ones retire after their query.
 */
export const SANDBOX_LIMITS = {
  poolSize: 2,
  dedicated: 4,
  queue: 16,
  refreshMs: 3000,
  memoryLimit: '512MB',
  dataSegmentBytes: 1536 * 1024 * 1024,
  graceMs: 1000,
};

const WORKER = fileURLToPath(new URL('./sandbox-worker.mjs', import.meta.url));
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));

type Message = { type: string; id?: number; [key: string]: unknown };

interface Child {
  proc: ChildProcess;
  generation: number;
  busy: boolean;
  dead: boolean;
  ready: Promise<void>;
  listeners: Map<number, (m: Message) => void>;
  stderr: string;
}

export interface Job {
  /** Called with every message of this job; return true when the job is over. */
  onMessage(m: Message, control: JobControl): boolean;
  /** The child died or the time ran out before the job ended. */
  onAbort(error: AppError): void;
  start: Message;
  timeoutMs: number;
}
export interface JobControl {
  send(m: Message): void;
}

export interface SandboxPool {
  /** The tables a query may name (the shared sandbox: every SandboxTable, whether its file is here or not; a dedicated one: none). */
  tables(): Promise<SandboxTable[]>;
  run(job: Job): void;
  /** Re-read the tables and views before the next query runs (a version was just published, or a file fetched, in this process). */
  invalidate(): void;
  close(): void;
}

/** A view of a dedicated sandbox; `rowId` adds the hidden column __os_row (the file row number) for the output check. */
export interface SandboxView {
  name: string;
  file: string;
  rowId?: boolean;
}

const pools = new WeakMap<Services, SandboxPool>();
const dedicated = new WeakMap<Services, Map<string, SandboxPool>>();

/** After a publish or a fetch in this process: the shared sandbox sees the new version or file at once (other processes: within refreshMs). */
export function invalidateSandbox(services: Services): void {
  pools.get(services)?.invalidate();
}

/** The shared sandbox: every published version of every dataset that is not restricted. */
export function sandboxFor(services: Services): SandboxPool {
  let pool = pools.get(services);
  if (!pool) {
    const load = async () => {
      const tables = await listSandboxTables(services);
      return { tables, views: await heldViews(services, tables) };
    };
    pool = createPool(services, load, SANDBOX_LIMITS.poolSize);
    pools.set(services, pool);
    // The cache's budget deleted a file (object storage): views are re-read before the next query, so no process
    // starts with a view of a file that is gone (a query naming it fetches it again first: sandbox-files.ts).
    const unheard = services.files.onEvicted(() => pool!.invalidate());
    services.onClose?.(async () => {
      unheard();
      pool!.close();
    });
  }
  return pool;
}

/**
 * A sandbox process with exactly these views (an analysis's pinned versions, an approved analyst's restricted
 * tables): its DuckDB may read these files and no other. Kept for reuse by view set, the least recently used
 * closed past SANDBOX_LIMITS.dedicated.
 */
export function sandboxWithViews(services: Services, views: SandboxView[]): SandboxPool {
  let cache = dedicated.get(services);
  if (!cache) {
    const made = new Map<string, SandboxPool>();
    cache = made;
    dedicated.set(services, made);
    services.onClose?.(async () => {
      for (const p of made.values()) p.close();
      made.clear();
    });
  }
  const key = JSON.stringify([...views].sort((a, b) => a.name.localeCompare(b.name)).map((v) => [v.name, v.file, v.rowId === true]));
  let pool = cache.get(key);
  if (pool) cache.delete(key);
  else pool = createPool(services, async () => ({ tables: [], views }), 1);
  cache.set(key, pool);
  while (cache.size > SANDBOX_LIMITS.dedicated) {
    const [oldest, p] = cache.entries().next().value!;
    cache.delete(oldest);
    p.close();
  }
  return pool;
}

function createPool(services: Services, load: () => Promise<{ tables: SandboxTable[]; views: SandboxView[] }>, size: number): SandboxPool {
  let tables: SandboxTable[] = [];
  let views: SandboxView[] = [];
  let signature = '';
  let generation = 0;
  let checkedAt = -Infinity;
  let wanted = 0; // bumped by invalidate(): a load that started before it does not count
  let loaded = -1;
  let refreshing: Promise<void> | null = null;
  let nextId = 1;
  let closed = false;
  const children: Child[] = [];
  const waiting: Array<() => void> = [];

  const stale = () => loaded !== wanted || Date.now() - checkedAt >= SANDBOX_LIMITS.refreshMs;
  const refresh = async () => {
    if (!stale()) return;
    do {
      const stamp = wanted;
      refreshing ??= (async () => {
        const next = await load();
        const text = JSON.stringify(next.views.map((v) => [v.name, v.file]));
        tables = next.tables;
        if (text !== signature) {
          signature = text;
          views = next.views;
          generation++;
          for (const c of [...children]) if (!c.busy) retire(c);
        }
        checkedAt = Date.now();
        loaded = stamp;
      })().finally(() => {
        refreshing = null;
      });
      await refreshing;
    } while (loaded !== wanted);
  };

  const retire = (c: Child) => {
    c.dead = true;
    c.proc.kill('SIGKILL');
    const i = children.indexOf(c);
    if (i >= 0) children.splice(i, 1);
  };

  const spawnChild = (): Child => {
    const node = [process.execPath, WORKER];
    const [command, ...args] = PRLIMIT ? [PRLIMIT, `--data=${SANDBOX_LIMITS.dataSegmentBytes}`, '--', ...node] : node;
    const proc = spawn(command!, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { PATH: process.env.PATH ?? '' } });
    const child: Child = { proc, generation, busy: false, dead: false, listeners: new Map(), stderr: '', ready: Promise.resolve() };
    proc.stderr?.on('data', (d: Buffer) => {
      child.stderr = (child.stderr + d.toString()).slice(-2000);
    });
    child.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: Message) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new AppError('data.sql_unavailable', `The SQL sandbox did not start: ${String(m.message)}`, 503));
      };
      proc.once('message', onReady);
      proc.once('exit', () => reject(new AppError('data.sql_unavailable', 'The SQL sandbox did not start', 503)));
    });
    child.ready.catch(() => undefined);
    proc.on('message', (m: Message) => {
      if (m.id !== undefined) child.listeners.get(m.id)?.(m);
    });
    proc.on('exit', () => {
      child.dead = true;
      const i = children.indexOf(child);
      if (i >= 0) children.splice(i, 1);
      for (const listener of child.listeners.values()) listener({ type: 'exit' });
      if (child.stderr.trim()) services.log.warn({ stderr: child.stderr.slice(-500) }, 'sql sandbox process exited');
      wake();
    });
    proc.send({
      type: 'init',
      views: views.map((v) => ({ name: v.name, file: v.file, rowId: v.rowId === true })),
      memoryLimit: SANDBOX_LIMITS.memoryLimit,
    });
    children.push(child);
    return child;
  };

  const wake = () => waiting.shift()?.();

  const acquire = async (): Promise<Child> => {
    for (;;) {
      if (closed) throw new AppError('data.sql_unavailable', 'The SQL sandbox is closed', 503);
      await refresh();
      const free = children.find((c) => !c.busy && !c.dead && c.generation === generation);
      const child = free ?? (children.length < size ? spawnChild() : null);
      if (child) {
        child.busy = true;
        try {
          await child.ready;
        } catch (error) {
          retire(child);
          throw error;
        }
        return child;
      }
      if (waiting.length >= SANDBOX_LIMITS.queue) throw new AppError('data.sql_busy', 'The SQL sandbox is busy; try again shortly', 503);
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  const release = (c: Child) => {
    c.busy = false;
    if (c.dead || c.generation !== generation) retire(c);
    wake();
  };

  const run = (job: Job) => {
    void acquire().then(
      (child) => {
        const id = nextId++;
        let over = false;
        let timedOut = false;
        let grace: NodeJS.Timeout | undefined;
        const finish = () => {
          over = true;
          clearTimeout(timer);
          clearTimeout(grace);
          child.listeners.delete(id);
          release(child);
        };
        const control: JobControl = {
          send: (m) => {
            if (!child.dead) child.proc.send({ ...m, id });
          },
        };
        const timer = setTimeout(() => {
          timedOut = true;
          control.send({ type: 'interrupt' });
          grace = setTimeout(() => {
            if (!over) retire(child);
          }, SANDBOX_LIMITS.graceMs);
        }, job.timeoutMs);
        child.listeners.set(id, (m) => {
          if (over) return;
          if (m.type === 'exit' || (timedOut && m.type === 'error')) {
            finish();
            job.onAbort(
              timedOut
                ? new AppError('data.sql_timeout', `Stopped: the query ran longer than ${job.timeoutMs / 1000} s`, 422)
                : new AppError('data.sql_memory', 'Stopped: the query used more memory than the sandbox allows', 422),
            );
            return;
          }
          if (job.onMessage(m, control)) finish();
        });
        control.send(job.start);
      },
      (error: unknown) => job.onAbort(error instanceof AppError ? error : new AppError('data.sql_unavailable', String(error), 503)),
    );
  };

  return {
    tables: async () => {
      await refresh();
      return tables;
    },
    run,
    invalidate: () => {
      wanted++;
    },
    close: () => {
      closed = true;
      for (const c of [...children]) retire(c);
      for (const w of waiting.splice(0)) w();
    },
  };
}
