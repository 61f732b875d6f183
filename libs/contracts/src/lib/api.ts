import type { Credential } from './billing';
import type { BillingProfile } from './organization';
import { Role } from './roles';

/** Path constants shared by the API controllers and the web client. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  session: '/api/auth/session',
  changePassword: '/api/auth/change-password',
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
  /** The clinic's billing rules, so the phone shows the verdict the API will reach. */
  billingProfile?: BillingProfile;
  programIds: string[];
  /** The password was chosen by an administrator: until it is changed, only sign-out and the change work. */
  mustChangePassword?: boolean;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: SessionUser;
}

/** `GET /api/auth/session`: who is signed in on this browser, if anyone. */
export interface SessionResponse {
  user: SessionUser | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  programIds: string[];
  active: boolean;
  /** Peer certification (e.g. CPRS) a claim's rendering provider needs; null when none is on file. */
  credential: Credential | null;
  /** National Provider Identifier, 10 digits with a valid check digit. */
  npi: string | null;
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
  credential?: Credential | null;
  npi?: string | null;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  programIds?: string[];
  active?: boolean;
  credential?: Credential | null;
  npi?: string | null;
  /** A new password chosen by the administrator (a reset): the staff member must change it at sign-in. */
  password?: string;
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
  /** The staff member's name; null when no signed-in staff member acted (a failed sign-in, a recipient). */
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  /**
   * The name the client goes by (preferred or first name, and last name), only when the caller may
   * read that client (`clients:read` in their scope); otherwise null, even though `clientId` is set.
   */
  clientName: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  /** Recorded during emergency ("break the glass") access to the client. */
  emergency: boolean;
}

export const MIN_PASSWORD_LENGTH = 15;
export const SESSION_IDLE_MINUTES = 15;
