import type { Consent, Resource } from '@peerpath/contracts';

/** Who a referral would share information with: a directory resource or a named outside organization. */
export type Recipient =
  | { kind: 'resource'; resource: Pick<Resource, 'id' | 'name' | 'organizationName'> }
  | { kind: 'outside'; name: string };

export type ConsentState = 'in_force' | 'expired' | 'revoked';

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  in_force: 'In force',
  expired: 'Expired',
  revoked: 'Revoked',
};

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The names a recipient goes by, as a consent may spell them. */
export function recipientNames(recipient: Recipient): string[] {
  if (recipient.kind === 'outside') return [recipient.name];
  return [recipient.resource.name, recipient.resource.organizationName].filter((n): n is string => !!n);
}

/**
 * Whether a consent, if in force, names this recipient (the server's rule): the directory resource
 * itself, an organization of the same name (case-insensitive), or a general designation, which
 * covers directory resources only.
 */
export function names(consent: Consent, recipient: Recipient): boolean {
  if (recipient.kind === 'resource') {
    if (consent.recipientResourceId === recipient.resource.id) return true;
    if (consent.generalDesignation) return true;
  }
  if (!consent.recipientOrganization) return false;
  const wanted = normal(consent.recipientOrganization);
  return recipientNames(recipient).some((n) => normal(n) === wanted);
}

/** The newest consent in force that covers the recipient, or null (the server still decides). */
export function coveringConsent(consents: readonly Consent[], recipient: Recipient | null): Consent | null {
  if (!recipient) return null;
  if (recipient.kind === 'outside' && !recipient.name.trim()) return null;
  const covering = consents.filter((c) => c.inForce && !c.revokedAt && names(c, recipient));
  covering.sort((a, b) => b.signedAt.localeCompare(a.signedAt) || b.createdAt.localeCompare(a.createdAt));
  return covering[0] ?? null;
}

export function consentState(consent: Consent): ConsentState {
  if (consent.revokedAt) return 'revoked';
  return consent.inForce ? 'in_force' : 'expired';
}

/** The recipient a consent names, in words; resource names come from the directory when known. */
export function consentRecipient(consent: Consent, resourceNames: ReadonlyMap<string, string>): string {
  if (consent.recipientResourceId)
    return resourceNames.get(consent.recipientResourceId) ?? 'A directory resource';
  return consent.recipientOrganization ?? consent.generalDesignation ?? '—';
}
