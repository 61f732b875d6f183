/** Every setting comes from the environment, with safe local defaults. */
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
  logLevel: string;
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

export function loadConfig(databaseUrl = process.env['DATABASE_URL']): AppConfig {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  return {
    port: int('PORT', 3000),
    databaseUrl,
    appRolePassword: process.env['APP_DB_PASSWORD'] || 'peerpath-app-local-only',
    sessionSecret: process.env['SESSION_SECRET'] || 'peerpath-local-session-secret-change-me',
    cookieSecure: process.env['COOKIE_SECURE'] === 'true' ? true : 'auto',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12),
    signInFailuresPerAccount: int('SIGN_IN_FAILURES_PER_ACCOUNT', 10),
    signInFailuresPerIp: int('SIGN_IN_FAILURES_PER_IP', 100),
    signInWindowSeconds: int('SIGN_IN_WINDOW_SECONDS', 15 * 60),
    requestsPerMinute: int('REQUESTS_PER_MINUTE', 600),
    logLevel: process.env['LOG_LEVEL'] || (process.env['NODE_ENV'] === 'test' ? 'silent' : 'info'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
