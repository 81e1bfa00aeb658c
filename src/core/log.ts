import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs in production, pretty ones in development; Fastify adds a request id (reqId) to every request line. */
export function createLogger(config: Pick<Config, 'env' | 'logLevel'>): Logger {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'],
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
export type { Logger };

type Bindings = Record<string, unknown>;
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, made only when the request logs something: Fastify asks for a child logger (with the
 * request id) on every request, and pino's child() costs about what the rest of a small answer's hooks do.
 * Levels the parent has off cost nothing; the first line at an enabled level makes the real child, once.
 */
class LazyChild {
  #real: Logger | null = null;
  constructor(
    private readonly parent: Logger,
    private readonly bindingsOf: Bindings,
    private readonly options: object,
  ) {}
  private real(): Logger {
    return (this.#real ??= this.parent.child(this.bindingsOf, this.options));
  }
  get level() {
    return this.#real?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.real().level = level;
  }
  isLevelEnabled(level: string) {
    return (this.#real ?? this.parent).isLevelEnabled(level);
  }
  bindings() {
    return this.real().bindings();
  }
  child(bindings: Bindings, options?: object) {
    return this.real().child(bindings, options);
  }
  silent() {}
  private log(level: Level, args: unknown[]) {
    if (!(this.#real ?? this.parent).isLevelEnabled(level)) return;
    (this.real()[level] as (...a: unknown[]) => void)(...args);
  }
  fatal(...args: unknown[]) {
    this.log('fatal', args);
  }
  error(...args: unknown[]) {
    this.log('error', args);
  }
  warn(...args: unknown[]) {
    this.log('warn', args);
  }
  info(...args: unknown[]) {
    this.log('info', args);
  }
  debug(...args: unknown[]) {
    this.log('debug', args);
  }
  trace(...args: unknown[]) {
    this.log('trace', args);
  }
}

/** Fastify's childLoggerFactory: the request's child logger, made on its first enabled line. */
export function lazyChildLogger(logger: unknown, bindings: Bindings, options: object): Logger {
  return new LazyChild(logger as Logger, bindings, options) as unknown as Logger;
}
