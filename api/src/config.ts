import { randomBytes } from 'node:crypto';

/** Every setting comes from the environment, with safe local defaults; secrets have none. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  appRolePassword: string;
  sessionSecret: string;
  cookieSecure: boolean | 'auto';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  signInFailuresPerAccount: number;
  signInFailuresPerIp: number;
  signInWindowSeconds: number;
  requestsPerMinute: number;
  /** Requests a recipient link takes per token and per address in its window (PRODUCT.md §5). */
  recipientLinkPerToken: number;
  recipientLinkPerAddress: number;
  recipientLinkWindowSeconds: number;
  /** Express `trust proxy`: false (default) ignores X-Forwarded-For; set only behind a known proxy. */
  trustProxy: boolean | number | string;
  /** How long a request waits for a pooled database connection before answering 503. */
  dbAcquireTimeoutMs: number;
  logLevel: string;
  /** Longest a request's SQL statement may run before it is cancelled (503). */
  statementTimeoutMs: number;
  /** Report requests holding a database connection at once (the pool has 10). */
  reportConcurrency: number;
  /** The current instant; tests pin it to check the clinic's clock either side of midnight. */
  now?: () => Date;
  /** Where logs go; standard output unless a test listens in. */
  logStream?: NodeJS.WritableStream;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/**
 * Secrets have no default: a constant in the source would sign cookies anyone can forge. The
 * embedded database's scripts keep generated ones under .data/; tests set their own.
 */
function secret(name: string, minLength: number): string {
  const value = process.env[name];
  if (value && value.length >= minLength) return value;
  if (process.env['NODE_ENV'] === 'test' && !value) return randomBytes(32).toString('hex');
  throw new Error(
    `${name} must be set (at least ${minLength} characters) when PeerPath runs on DATABASE_URL or in production; ` +
      `npm start with the embedded database generates one under .data/.`,
  );
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function loadConfig(databaseUrl = process.env['DATABASE_URL']): AppConfig {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  return {
    port: int('PORT', 3000),
    databaseUrl,
    appRolePassword: secret('APP_DB_PASSWORD', 12),
    sessionSecret: secret('SESSION_SECRET', 32),
    cookieSecure: process.env['COOKIE_SECURE'] === 'true' ? true : 'auto',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12),
    signInFailuresPerAccount: int('SIGN_IN_FAILURES_PER_ACCOUNT', 10),
    signInFailuresPerIp: int('SIGN_IN_FAILURES_PER_IP', 100),
    signInWindowSeconds: int('SIGN_IN_WINDOW_SECONDS', 15 * 60),
    requestsPerMinute: int('REQUESTS_PER_MINUTE', 600),
    recipientLinkPerToken: int('RECIPIENT_LINK_PER_TOKEN', 60),
    recipientLinkPerAddress: int('RECIPIENT_LINK_PER_ADDRESS', 120),
    recipientLinkWindowSeconds: int('RECIPIENT_LINK_WINDOW_SECONDS', 15 * 60),
    dbAcquireTimeoutMs: int('DB_ACQUIRE_TIMEOUT_MS', 5000),
    trustProxy: trustProxy(process.env['TRUST_PROXY']),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', 10_000),
    reportConcurrency: int('REPORT_CONCURRENCY', 2),
    logLevel: process.env['LOG_LEVEL'] || (process.env['NODE_ENV'] === 'test' ? 'silent' : 'info'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
