import { Role } from './roles';

/** Path constants shared by the API controllers and the web client. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  users: '/api/users',
  programs: '/api/programs',
  auditEvents: '/api/audit-events',
  clients: '/api/clients',
  contacts: '/api/contacts',
  caseload: '/api/caseload',
  caseloadTransfers: '/api/caseload-transfers',
  resources: '/api/resources',
  referrals: '/api/referrals',
  consents: '/api/consents',
} as const;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  /** The clinic's IANA time zone: the web reads every date-only rule in it. */
  timeZone: string;
  programIds: string[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: SessionUser;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  programIds: string[];
  active: boolean;
  version: number;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  programIds: string[];
  password: string;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  programIds?: string[];
  active?: boolean;
}

export interface Program {
  id: string;
  name: string;
  description: string | null;
  overdueContactDays: number;
  createdAt: string;
}

export interface CreateProgramRequest {
  name: string;
  description?: string;
  overdueContactDays?: number;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  /** Recorded during emergency ("break the glass") access to the client. */
  emergency: boolean;
}

export const MIN_PASSWORD_LENGTH = 15;
export const SESSION_IDLE_MINUTES = 15;
