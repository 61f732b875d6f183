import type { Need, Urgency } from './referrals';

/**
 * 42 CFR Part 2 consent, notice and disclosure rules. Both the API and the web read these, so the
 * refer flow shows coverage exactly as the server decides it.
 */

export const CONSENT_SIGNERS = ['client', 'representative'] as const;
export type ConsentSigner = (typeof CONSENT_SIGNERS)[number];

export const REVOCATION_METHODS = ['written', 'verbal'] as const;
export type RevocationMethod = (typeof REVOCATION_METHODS)[number];

/** How information left the clinic. `referral` and `recipient_link` are recorded by the system only. */
export const DISCLOSURE_CHANNELS = ['referral', 'phone', 'fax', 'print', 'recipient_link'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];
/** The channels staff record by hand, for disclosures made outside a referral. */
export const MANUAL_DISCLOSURE_CHANNELS = ['phone', 'fax', 'print'] as const;
export type ManualDisclosureChannel = (typeof MANUAL_DISCLOSURE_CHANNELS)[number];

/** The data elements a disclosure may carry; a consent lists which of them it permits. */
export const DISCLOSURE_ELEMENTS = [
  'name',
  'dateOfBirth',
  'phone',
  'email',
  'need',
  'urgency',
  'note',
] as const;
export type DisclosureElement = (typeof DISCLOSURE_ELEMENTS)[number];

/** The minimum a referral needs (42 CFR 2.13(a): no more than necessary for the purpose). */
/** A referral that shares information always names the client and says what they need. */
export const REFERRAL_REQUIRED_ELEMENTS: readonly DisclosureElement[] = ['name', 'need'];

export const DEFAULT_CONSENT_ELEMENTS: readonly DisclosureElement[] = [
  'name',
  'phone',
  'need',
  'urgency',
  'note',
];

export const DISCLOSURE_ELEMENT_LABELS: Record<DisclosureElement, string> = {
  name: 'name',
  dateOfBirth: 'date of birth',
  phone: 'phone number',
  email: 'email address',
  need: 'reason for referral',
  urgency: 'urgency',
  note: 'referral note',
};

export const DISCLOSURE_CHANNEL_LABELS: Record<DisclosureChannel, string> = {
  referral: 'Referral',
  phone: 'Phone call',
  fax: 'Fax',
  print: 'On paper',
  recipient_link: 'Secure link',
};

/**
 * The statement a consent must contain that it may be revoked (42 CFR 2.31(a)(6)); the person
 * signing acknowledges it.
 */
export const REVOCATION_STATEMENT =
  'I understand that I may revoke this consent at any time, except to the extent that the clinic has already ' +
  'acted in reliance on it, and that I can revoke it by telling the clinic in writing.';

/** What the coverage rule needs of a consent; both the API's row and the web's contract fit. */
export interface ConsentTerms {
  recipientResourceId: string | null;
  recipientOrganization: string | null;
  generalDesignation: string | null;
  signedAt: string;
  expiresAt: string | null;
  revokedAt: string | Date | null;
}

/** Who would receive the information: a directory resource, or an organization known only by name. */
export interface ConsentRecipient {
  resourceId: string | null;
  /** Every name the recipient goes by: an outside organization's, or a resource's and its provider's. */
  names: readonly string[];
  /** The directory marks this resource as having a treating-provider relationship. */
  treatingProvider: boolean;
}

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * In force on `today` (the clinic's local date): signed, not revoked, not past its expiry date
 * (42 CFR 2.31(a)(7); an expiry event ends a consent by revocation).
 */
export function consentInForce(consent: ConsentTerms, today: string): boolean {
  return (
    consent.signedAt <= today && !consent.revokedAt && (!consent.expiresAt || consent.expiresAt >= today)
  );
}

/**
 * Whether a consent permits disclosing to this recipient today.
 * 42 CFR 2.31(a)(4): a consent names its recipients. A named directory resource or a named
 * organization covers that recipient; a general designation ("my treating providers …") covers
 * only entities with a treating-provider relationship with the patient — a food pantry or a
 * legal-aid office must be named.
 */
export function consentCovers(consent: ConsentTerms, recipient: ConsentRecipient, today: string): boolean {
  if (!consentInForce(consent, today)) return false;
  if (recipient.resourceId && consent.recipientResourceId === recipient.resourceId) return true;
  if (consent.recipientOrganization) {
    const wanted = normal(consent.recipientOrganization);
    if (recipient.names.some((n) => n.trim() && normal(n) === wanted)) return true;
  }
  return !!consent.generalDesignation && !!recipient.resourceId && recipient.treatingProvider;
}

/** Whether a consent permits every one of these elements. */
export function consentPermits(
  consent: { elements: readonly DisclosureElement[] },
  elements: readonly DisclosureElement[],
): boolean {
  return elements.every((e) => consent.elements.includes(e));
}

/**
 * The newest consent (by signing date, then record date) that covers the recipient today and
 * permits every one of `elements`, or null. The API decides with this and the web shows it.
 */
export function coveringConsent<
  T extends ConsentTerms & { createdAt: string | Date; elements: readonly DisclosureElement[] },
>(
  consents: readonly T[],
  recipient: ConsentRecipient | null,
  today: string,
  elements: readonly DisclosureElement[] = [],
): T | null {
  if (!recipient || !recipient.names.some((n) => n.trim())) return null;
  const newest = [...consents].sort(
    (a, b) =>
      b.signedAt.localeCompare(a.signedAt) ||
      new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime(),
  );
  return newest.find((c) => consentCovers(c, recipient, today) && consentPermits(c, elements)) ?? null;
}

export interface Consent {
  id: string;
  clientId: string;
  disclosingParty: string;
  recipientResourceId: string | null;
  recipientOrganization: string | null;
  generalDesignation: string | null;
  purpose: string;
  information: string;
  /** The data elements this consent lets the clinic send. */
  elements: DisclosureElement[];
  signedAt: string;
  expiresAt: string | null;
  expiryEvent: string | null;
  signedBy: ConsentSigner;
  representativeName: string | null;
  revocationStatementAcknowledged: boolean;
  /** The recipient is a HIPAA covered entity or business associate (42 CFR 2.31(a)(4)(iii)). */
  recipientIsCoveredEntity: boolean;
  revokedAt: string | null;
  revocationMethod: RevocationMethod | null;
  revocationNote: string | null;
  inForce: boolean;
  createdAt: string;
}

export interface CreateConsentRequest {
  disclosingParty?: string;
  recipientResourceId?: string;
  recipientOrganization?: string;
  generalDesignation?: string;
  purpose: string;
  information: string;
  elements?: DisclosureElement[];
  signedAt: string;
  expiresAt?: string;
  expiryEvent?: string;
  signedBy?: ConsentSigner;
  representativeName?: string;
  revocationStatementAcknowledged: boolean;
  recipientIsCoveredEntity?: boolean;
}

export interface RevokeConsentRequest {
  method: RevocationMethod;
  note?: string;
}

export interface Disclosure {
  id: string;
  clientId: string;
  referralId: string | null;
  consentId: string;
  recipient: string;
  recipientContact: string | null;
  purpose: string;
  channel: DisclosureChannel;
  /** The data elements actually sent. */
  elements: DisclosureElement[];
  disclosedAt: string;
  disclosedBy: string;
  disclosedByName: string | null;
}

export interface CreateDisclosureRequest {
  recipient: string;
  recipientResourceId?: string;
  recipientContact: string;
  purpose: string;
  channel: ManualDisclosureChannel;
  elements: DisclosureElement[];
}

/** What a recipient receives with a referral (42 CFR 2.32): the minimum, the consent's scope, the notice. */
export interface ReferralPacket {
  referralId: string;
  organization: { name: string };
  recipient: string;
  /** Only the elements the consent permits; null when the referral shares no client information. */
  client: { name?: string; dateOfBirth?: string; phone?: string; email?: string } | null;
  need: Need;
  urgency: Urgency | null;
  note: string | null;
  /** A clear explanation of the consent's scope (42 CFR 2.32(b)); null when nothing is shared. */
  consent: {
    id: string;
    disclosingParty: string;
    recipient: string;
    purpose: string;
    information: string;
    elements: DisclosureElement[];
    signedAt: string;
    signedBy: ConsentSigner;
    representativeName: string | null;
    expiresAt: string | null;
    expiryEvent: string | null;
    /** The recipient is a HIPAA covered entity or business associate (42 CFR 2.31(a)(4)(iii)). */
    recipientIsCoveredEntity: boolean;
    revocation: string;
  } | null;
  /** The elements this packet carries: what a disclosure of it records. */
  elements: DisclosureElement[];
  /** Statement 1 of 42 CFR 2.32(a)(1) when client information is shared, else null. */
  notice: string | null;
}

/**
 * 42 CFR 2.32(a)(1), "Statement 1", as amended by the 2024 final rule (89 FR 12472, Feb. 16, 2024),
 * verbatim. It accompanies every disclosure made with the patient's written consent.
 */
export const PART2_NOTICE_STATEMENT_1 =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
  'the following applies: ' +
  '(i) Further use or disclosure is expressly permitted by the written consent of the individual whose ' +
  'information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
  '(ii) You are a covered entity or business associate and have received the record for treatment, payment, or ' +
  'health care operations, or ' +
  '(iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part ' +
  '164, subparts A and E. ' +
  'A general authorization for the release of medical or other information is NOT sufficient to meet the ' +
  'required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).';

/**
 * The statement a consent to a covered entity or business associate for treatment, payment or
 * health care operations must carry (42 CFR 2.31(a)(4)(iii)).
 */
export const COVERED_ENTITY_REDISCLOSURE_STATEMENT =
  'The record (or information contained in the record) may be redisclosed in accordance with the permissions ' +
  'contained in the HIPAA regulations, except for uses and disclosures for civil, criminal, administrative, and ' +
  'legislative proceedings against the patient.';

/** 42 CFR 2.32(a)(2), "Statement 2", the abbreviated notice (2024 wording), for labels. */
export const PART2_NOTICE_STATEMENT_2 =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';
