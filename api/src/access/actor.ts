import { BillingProfile, Role } from '@peerpath/contracts';

/** The signed-in staff member a request acts for, as the session and the database know them. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  programIds: string[];
  /** Clients opened to this caller by a live emergency-access grant. */
  emergencyClientIds: string[];
  sessionId: string;
  /** The organization's own clock and billing rules, loaded with the caller's programs. */
  clinic: ClinicSettings;
}

export interface ClinicSettings {
  timeZone: string;
  billingProfile: BillingProfile;
}

/** What an audit event knows of the request beyond the actor. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export interface StaffSession {
  userId: string;
  organizationId: string;
  role: Role;
  signedInAt: number;
  /** Set at sign-in from the account; cleared when the staff member chooses their own password. */
  mustChangePassword?: boolean;
}

export const ACTOR_KEY = 'actor';

declare module 'express-session' {
  interface SessionData {
    staff?: StaffSession;
  }
}
