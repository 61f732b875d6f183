export const ROLES = ['peer', 'clinician', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  peer: 'Peer specialist',
  clinician: 'Clinician',
  manager: 'Program manager',
  admin: 'Administrator',
};
