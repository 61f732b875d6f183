import {
  type Consent,
  consentCovers,
  type ConsentRecipient,
  coveringConsent as covering,
  DISCLOSURE_ELEMENT_LABELS,
  type DisclosureElement,
  REFERRAL_REQUIRED_ELEMENTS,
  type Resource,
} from '@peerpath/contracts';
import { localToday } from '../core/clinic-clock';

/** Who a referral would share information with: a directory resource or a named outside organization. */
export type Recipient =
  | { kind: 'resource'; resource: Pick<Resource, 'id' | 'name' | 'organizationName' | 'treatingProvider'> }
  | { kind: 'outside'; name: string };

export type ConsentState = 'in_force' | 'expired' | 'revoked';

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  in_force: 'In force',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The recipient as the contracts' consent rule sees it. */
export function toConsentRecipient(recipient: Recipient): ConsentRecipient {
  if (recipient.kind === 'outside')
    return { resourceId: null, names: [recipient.name], treatingProvider: false };
  const r = recipient.resource;
  return {
    resourceId: r.id,
    names: [r.name, r.organizationName].filter((n): n is string => !!n),
    treatingProvider: r.treatingProvider,
  };
}

/** Whether this consent covers the recipient on the clinic's today: the API's rule (42 CFR 2.31(a)(4)). */
export function covers(consent: Consent, recipient: Recipient, today = localToday()): boolean {
  return consentCovers(consent, toConsentRecipient(recipient), today);
}

/**
 * The consent the API would send a referral under: the newest in force today that covers the
 * recipient and permits the client's name and need — the same function the API calls.
 */
export function coveringConsent(
  consents: readonly Consent[],
  recipient: Recipient | null,
  today = localToday(),
): Consent | null {
  return recipient
    ? covering(consents, toConsentRecipient(recipient), today, REFERRAL_REQUIRED_ELEMENTS)
    : null;
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

/** Data elements in plain words: "name, phone number and what they were referred for". */
export function elementWords(elements: readonly DisclosureElement[]): string {
  const words = elements.map((e) => DISCLOSURE_ELEMENT_LABELS[e]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
