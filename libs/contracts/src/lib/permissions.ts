import { Role } from './roles';

/**
 * How far a granted permission reaches:
 * self = the caller's own record; caseload = clients whose primary peer is the caller;
 * facilitator = groups and sessions the caller facilitates; program = the caller's programs;
 * org = the caller's organization. Nothing ever crosses organizations.
 */
export type Scope = 'self' | 'caseload' | 'facilitator' | 'program' | 'org';

export const PERMISSION_TABLE = {
  'organization:read': { peer: 'org', clinician: 'org', manager: 'org', admin: 'org' },
  'organization:write': { admin: 'org' },
  'users:read': { peer: 'self', clinician: 'self', manager: 'program', admin: 'org' },
  'users:write': { admin: 'org' },
  'programs:read': { peer: 'program', clinician: 'program', manager: 'program', admin: 'org' },
  'programs:write': { admin: 'org' },
  'clients:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'clients:create': { peer: 'caseload', manager: 'program' },
  'clients:write': { peer: 'caseload', manager: 'program' },
  'clients:assign': { manager: 'program' },
  'clients:discharge': { manager: 'program' },
  'caseload:read': { peer: 'caseload', manager: 'program' },
  'contacts:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'contacts:write': { peer: 'caseload' },
  'referrals:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'referrals:write': { peer: 'caseload', clinician: 'program' },
  'referrals:status': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'groups:read': { peer: 'program', clinician: 'program', manager: 'program' },
  'groups:write': { manager: 'program' },
  'sessions:write': { peer: 'facilitator', manager: 'program' },
  'attendance:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'attendance:write': { peer: 'facilitator', manager: 'program' },
  'communityMeetings:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'communityMeetings:write': { peer: 'caseload' },
  'clinicalNotes:read': { clinician: 'program', manager: 'program' },
  'clinicalNotes:readBody': { clinician: 'program' },
  'clinicalNotes:write': { clinician: 'program' },
  'consents:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'consents:write': { peer: 'caseload', clinician: 'program' },
  'disclosures:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'disclosures:write': { peer: 'caseload', clinician: 'program' },
  'goals:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'goals:write': { peer: 'caseload' },
  'assessments:read': { peer: 'caseload', clinician: 'program', manager: 'program' },
  'assessments:write': { peer: 'caseload' },
  'resources:read': { peer: 'org', clinician: 'org', manager: 'org', admin: 'org' },
  'resources:write': { manager: 'org', admin: 'org' },
  'audit:read': { manager: 'program', admin: 'org' },
  'reports:read': { peer: 'caseload', manager: 'program' },
  'billing:read': { peer: 'self', manager: 'program' },
  'emergencyAccess:request': { peer: 'org', clinician: 'org' },
  'emergencyAccess:review': { manager: 'program' },
  'documentationReview:write': { manager: 'program' },
  // Warm handoffs coming in (PRODUCT.md §5): the program's peers and managers see and log them;
  // only peers claim, attempt first contact and convert; managers set the program's target.
  'handoffs:read': { peer: 'program', manager: 'program' },
  'handoffs:write': { peer: 'program', manager: 'program' },
  'handoffs:work': { peer: 'program' },
  'handoffs:target': { manager: 'program' },
  // The peer's home: recipients' answers on their caseload since they last looked, and marking them seen.
  'recipientAnswers:read': { peer: 'caseload' },
  'recipientAnswers:seen': { peer: 'self' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSION_TABLE;
export const PERMISSIONS = Object.keys(PERMISSION_TABLE) as Permission[];

/** The scope a role holds for a permission, or null when the role may never use it. */
export function scopeOf(role: Role, permission: Permission): Scope | null {
  const grants: Partial<Record<Role, Scope>> = PERMISSION_TABLE[permission];
  return grants[role] ?? null;
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && scopeOf(role, permission) !== null;
}
