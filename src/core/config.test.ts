import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for the embedded setup', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ port: 8080, dataDir: '/srv/app/var', databaseUrl: undefined, env: 'development' });
  });
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'OPEN_SEOUL_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/8,everyone' }, 'TRUST_PROXY'],
    [{ DUCKDB_THREADS: '0' }, 'DUCKDB_THREADS'],
    [{ DUCKDB_MEMORY_LIMIT: 'lots' }, 'DUCKDB_MEMORY_LIMIT'],
    [{ DUCKDB_MEMORY_LIMIT: '8MB' }, 'DUCKDB_MEMORY_LIMIT'],
    [{ OPEN_SEOUL_CACHE_MAX_BYTES: 'lots' }, 'OPEN_SEOUL_CACHE_MAX_BYTES'],
    [{ OPEN_SEOUL_CACHE_MAX_BYTES: '-5' }, 'OPEN_SEOUL_CACHE_MAX_BYTES'],
    [{ OPEN_SEOUL_CACHE_MAX_BYTES: '20 parsecs' }, 'OPEN_SEOUL_CACHE_MAX_BYTES'],
  ])('rejects %o naming %s in one line', (env, variable) => {
    try {
      loadConfig(env as Record<string, string>);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
      expect((error as Error).message).not.toContain('\n');
    }
  });
  it('gives the lake DuckDB 2 threads and 256MB by default, or what DUCKDB_THREADS and DUCKDB_MEMORY_LIMIT say', () => {
    expect(loadConfig({})).toMatchObject({ duckdbThreads: 2, duckdbMemoryLimit: '256MB' });
    expect(loadConfig({ DUCKDB_THREADS: '4', DUCKDB_MEMORY_LIMIT: '1.5 gb' })).toMatchObject({ duckdbThreads: 4, duckdbMemoryLimit: '1.5GB' });
    expect(loadConfig({ DUCKDB_MEMORY_LIMIT: '512MiB' }).duckdbMemoryLimit).toBe('512MiB');
  });
  it('bounds the object-storage cache to 10GiB by default, or to OPEN_SEOUL_CACHE_MAX_BYTES (bytes or a size)', () => {
    expect(loadConfig({}).cacheMaxBytes).toBe(10 * 2 ** 30);
    expect(loadConfig({ OPEN_SEOUL_CACHE_MAX_BYTES: '4096' }).cacheMaxBytes).toBe(4096);
    expect(loadConfig({ OPEN_SEOUL_CACHE_MAX_BYTES: '20GB' }).cacheMaxBytes).toBe(20_000_000_000);
    expect(loadConfig({ OPEN_SEOUL_CACHE_MAX_BYTES: '1.5 gib' }).cacheMaxBytes).toBe(1.5 * 2 ** 30);
  });
  it('holds a just-used cached file 60 s, and bounds native copies to 10GiB, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ cacheHoldSeconds: 60, dataNativeCopyMaxBytes: 10 * 2 ** 30 });
    expect(loadConfig({ OPEN_SEOUL_CACHE_HOLD_SECONDS: '0', DATA_NATIVE_COPY_MAX_BYTES: '500MB' })).toMatchObject({
      cacheHoldSeconds: 0,
      dataNativeCopyMaxBytes: 500_000_000,
    });
    expect(() => loadConfig({ OPEN_SEOUL_CACHE_HOLD_SECONDS: '-1' })).toThrow(/OPEN_SEOUL_CACHE_HOLD_SECONDS/);
    expect(() => loadConfig({ DATA_NATIVE_COPY_MAX_BYTES: 'lots' })).toThrow(/DATA_NATIVE_COPY_MAX_BYTES/);
  });
  it('trusts no proxy unless named, in production too', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', OPEN_SEOUL_SECRET: 'x'.repeat(32) }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback,fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback', 'fd00::/8']);
  });
  it('never echoes a database password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:secret@host:port/db' })).toThrow(
      'Invalid configuration: DATABASE_URL must be a URL, got "postgres://u:***@host:port/db"',
    );
  });
});
