import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Boot-time configuration: every variable is parsed once here, and a wrong one stops the process. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined; // undefined → embedded SQLite under dataDir
  secret: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  seedDemo: boolean;
  /** Restricted data: a result group of fewer records than this is suppressed (DATA_MIN_CELL, default 10). */
  dataMinCell: number;
  /** Operator-pushed facility status older than this is treated as unknown (TRANSIT_STATUS_STALE_MINUTES, default 30). */
  transitStatusStaleMinutes: number;
  /**
   * Live facility status from Seoul Metro's Open API (SeoulMetroFaciInfo, in the Seoul Open API URL form
   * `{SEOUL_OPEN_API_URL}/{KEY}/json/{SERVICE}/{START}/{END}/`): polled only when SEOUL_OPEN_API_KEY is set, every
   * TRANSIT_STATUS_POLL_SECONDS (default 60), backing off on errors.
   */
  seoulOpenApiKey: string | undefined;
  seoulOpenApiUrl: string;
  transitStatusPollSeconds: number;
  /** A station not verified in the field for this long shows as stale (TRANSIT_VERIFIED_STALE_DAYS, default 365). */
  transitVerifiedStaleDays: number;
  /** Webhook receivers may be on private or loopback addresses (WEBHOOK_ALLOW_PRIVATE; default true except in production). */
  webhookAllowPrivate: boolean;
  /**
   * Proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, CIDR ranges or loopback/linklocal/
   * uniquelocal, comma-separated; empty = none, the default): the client address of rate limits, sign-in
   * throttling and the audit log is the socket's unless the connection comes from one of these.
   */
  trustProxy: string[];
  /**
   * SQLite's synchronous setting (SQLITE_SYNCHRONOUS, default NORMAL): with WAL, NORMAL loses no committed write
   * when the process dies (kill -9), and may lose the last ones on a power cut or OS crash; FULL loses none then
   * either, at the cost of an fsync per commit.
   */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /**
   * Object storage for files (OPEN_SEOUL_STORAGE_URL=s3://bucket/prefix): evidence, photos, images, the lake's
   * Parquet. Unset: files live under the data directory (one machine). S3_ENDPOINT names another S3 API than
   * AWS's (NCP, MinIO); AWS_REGION its region (default ap-northeast-2, Seoul); credentials from the AWS SDK's chain.
   */
  storageUrl: string | undefined;
  s3Endpoint: string | undefined;
  s3Region: string;
  /**
   * On object storage, the bytes of files this replica keeps on its disk for DuckDB (OPEN_SEOUL_CACHE_MAX_BYTES,
   * bytes or a size such as 20GB; default 10GiB): past it the least recently used copies are deleted, and fetched
   * again when next queried.
   */
  cacheMaxBytes: number;
  /**
   * Cached copies used in the last OPEN_SEOUL_CACHE_HOLD_SECONDS (default 60; 0: none) are not deleted to make room:
   * a query handed the path may not have opened the file yet. The cache passes its budget by them meanwhile.
   */
  cacheHoldSeconds: number;
  /** PostgreSQL connections per replica (DB_POOL_MAX, default 10) and how long to wait for one (DB_POOL_TIMEOUT_MS, default 10 s). */
  dbPoolMax: number;
  dbPoolTimeoutMs: number;
  /**
   * The bench record /about/performance publishes (OPEN_SEOUL_BENCH_RECORD, default the committed
   * seed/performance/bench-latest.json), and the age in days past which it is labelled old (BENCH_RECORD_STALE_DAYS, default 30).
   */
  benchRecordFile: string;
  benchRecordStaleDays: number;
  /**
   * The lake's embedded DuckDB (ingest, the rows API): worker threads (DUCKDB_THREADS, default 2) and the memory
   * it may hold before spilling to the data dir (DUCKDB_MEMORY_LIMIT, default 256MB; DuckDB's units: KB, MB, GB).
   */
  duckdbThreads: number;
  duckdbMemoryLimit: string;
  /**
   * Published tables with at least this many rows get a native DuckDB copy on each replica that queries them, for
   * faster rows pages (DATA_NATIVE_COPY_MIN_ROWS, default 500,000; 0: never).
   */
  dataNativeCopyMinRows: number;
  /**
   * The most bytes of native copies a replica keeps (DATA_NATIVE_COPY_MAX_BYTES, bytes or a size such as 20GB;
   * default 10GiB): past it the least recently queried copies are deleted (their Parquet files answer until a copy
   * is built again), and a copy larger than the budget is not kept.
   */
  dataNativeCopyMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** A memory size in DuckDB's notation (`512MB`, `2GB`), at least 16 MB. */
function memory(env: Env, name: string, fallback: string): string {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.exec(raw);
  const unit = m ? m[2]!.toUpperCase().replace('I', '') : '';
  const mb = m ? Number(m[1]) * ({ KB: 1 / 1000, MB: 1, GB: 1000, TB: 1_000_000 } as Record<string, number>)[unit]! : 0;
  if (!m || mb < 16) throw new ConfigError(name, `must be a size such as 256MB or 2GB (at least 16MB), got "${raw}"`);
  return `${m[1]}${m[2]!.toUpperCase().replace('IB', 'iB')}`;
}

/** A size in bytes: a whole number, or with a unit (`500MB`, `20GB`, `10GiB`; KB/MB/GB/TB are powers of 1000). */
function byteSize(env: Env, name: string, fallback: number): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$/i.exec(raw);
  const unit = (m?.[2] ?? 'B').toUpperCase();
  const scale = ({ B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 } as Record<string, number>)[unit];
  const value = m && scale ? Math.floor(Number(m[1]) * scale) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new ConfigError(name, `must be a number of bytes or a size such as 500MB or 20GB, got "${raw}"`);
  return value;
}

function proxies(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      if (['loopback', 'linklocal', 'uniquelocal'].includes(p)) return p;
      const [address, prefix, ...rest] = p.split('/');
      const family = isIP(address ?? '');
      const bits = prefix === undefined ? null : Number(prefix);
      if (!family || rest.length || (bits !== null && (!/^\d+$/.test(prefix!) || bits > (family === 4 ? 32 : 128)))) {
        throw new ConfigError(name, `must be addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8,127.0.0.1), got "${p}"`);
      }
      return p;
    });
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const DEV_SECRET = 'development-only-secret-change-me-0000000000';

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int(env, 'PORT', 8080, 0, 65535);
  const secret = env.OPEN_SEOUL_SECRET || (nodeEnv === 'production' ? '' : DEV_SECRET);
  if (secret.length < 32) {
    throw new ConfigError('OPEN_SEOUL_SECRET', 'must be set to at least 32 characters in production');
  }
  const host = env.HOST || '0.0.0.0';
  return {
    env: nodeEnv,
    host,
    port,
    dataDir: path.resolve(cwd, env.OPEN_SEOUL_DATA_DIR || 'var'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    secret,
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Open Seoul <no-reply@open-seoul.local>',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    dataMinCell: int(env, 'DATA_MIN_CELL', 10, 2, 1_000_000),
    transitStatusStaleMinutes: int(env, 'TRANSIT_STATUS_STALE_MINUTES', 30, 1, 10_080),
    transitVerifiedStaleDays: int(env, 'TRANSIT_VERIFIED_STALE_DAYS', 365, 1, 3650),
    seoulOpenApiKey: env.SEOUL_OPEN_API_KEY || undefined,
    seoulOpenApiUrl: (url(env, 'SEOUL_OPEN_API_URL', ['http:', 'https:']) ?? 'http://openapi.seoul.go.kr:8088').replace(/\/$/, ''),
    transitStatusPollSeconds: int(env, 'TRANSIT_STATUS_POLL_SECONDS', 60, 10, 86_400),
    webhookAllowPrivate: oneOf(env, 'WEBHOOK_ALLOW_PRIVATE', ['true', 'false'] as const, nodeEnv === 'production' ? 'false' : 'true') === 'true',
    trustProxy: proxies(env, 'TRUST_PROXY'),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'] as const, 'NORMAL'),
    storageUrl: url(env, 'OPEN_SEOUL_STORAGE_URL', ['s3:']),
    s3Endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
    s3Region: env.AWS_REGION || 'ap-northeast-2',
    cacheMaxBytes: byteSize(env, 'OPEN_SEOUL_CACHE_MAX_BYTES', 10 * 2 ** 30),
    cacheHoldSeconds: int(env, 'OPEN_SEOUL_CACHE_HOLD_SECONDS', 60, 0, 86_400),
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, 1, 1000),
    dbPoolTimeoutMs: int(env, 'DB_POOL_TIMEOUT_MS', 10_000, 100, 600_000),
    benchRecordFile: env.OPEN_SEOUL_BENCH_RECORD
      ? path.resolve(cwd, env.OPEN_SEOUL_BENCH_RECORD)
      : path.join(PACKAGE_ROOT, 'seed/performance/bench-latest.json'),
    benchRecordStaleDays: int(env, 'BENCH_RECORD_STALE_DAYS', 30, 1, 3650),
    duckdbThreads: int(env, 'DUCKDB_THREADS', 2, 1, 256),
    duckdbMemoryLimit: memory(env, 'DUCKDB_MEMORY_LIMIT', '256MB'),
    dataNativeCopyMinRows: int(env, 'DATA_NATIVE_COPY_MIN_ROWS', 500_000, 0, Number.MAX_SAFE_INTEGER),
    dataNativeCopyMaxBytes: byteSize(env, 'DATA_NATIVE_COPY_MAX_BYTES', 10 * 2 ** 30),
    seedDemo: oneOf(env, 'OPEN_SEOUL_SEED_DEMO', ['true', 'false'] as const, 'true') === 'true',
  };
}
