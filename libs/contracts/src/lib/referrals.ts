export const NEEDS = [
  'housing',
  'employment',
  'food',
  'medical',
  'mental_health',
  'moud',
  'detox',
  'recovery_housing',
  'legal',
  'transportation',
  'benefits',
  'education',
  'childcare',
  'mutual_aid',
  'other',
] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_LABELS: Record<Need, string> = {
  housing: 'Housing',
  employment: 'Employment',
  food: 'Food',
  medical: 'Medical care',
  mental_health: 'Mental health',
  moud: 'MOUD (medication for opioid use disorder)',
  detox: 'Detox / withdrawal management',
  recovery_housing: 'Recovery housing',
  legal: 'Legal',
  transportation: 'Transportation',
  benefits: 'Benefits',
  education: 'Education',
  childcare: 'Childcare',
  mutual_aid: 'Mutual aid',
  other: 'Other',
};

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'completed',
  'declined',
  'no_show',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'completed',
  'declined',
  'no_show',
  'cancelled',
];

/**
 * The only moves a referral may make (PRODUCT.md §3): draft → sent → accepted → completed;
 * sent → declined; accepted → no_show; any non-final status → cancelled.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'no_show', 'cancelled'],
  completed: [],
  declined: [],
  no_show: [],
  cancelled: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export const FOLLOW_UP_DAYS = 7;

/** An open referral (sent or accepted) whose follow-up date has passed. */
export function isReferralOverdue(status: ReferralStatus, followUpOn: string | null, today: string): boolean {
  return (status === 'sent' || status === 'accepted') && !!followUpOn && followUpOn < today;
}

export const RESOURCE_STATUSES = ['active', 'inactive', 'temporarily_closed'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export interface Resource {
  id: string;
  name: string;
  organizationName: string | null;
  description: string | null;
  needs: Need[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  hours: string | null;
  eligibility: string | null;
  fees: string | null;
  languages: string[];
  acceptsMedicaid: boolean | null;
  status: ResourceStatus;
  lastVerifiedOn: string | null;
  version: number;
}

export type ResourceRequest = Partial<Omit<Resource, 'id' | 'version'>> & { name: string };

export interface ReferralEvent {
  status: ReferralStatus;
  actorId: string;
  actorName: string;
  at: string;
  note: string | null;
}

export interface Referral {
  id: string;
  clientId: string;
  clientName: string;
  resourceId: string | null;
  resourceName: string | null;
  outsideOrganization: string | null;
  need: Need;
  urgency: Urgency;
  note: string | null;
  shareInformation: boolean;
  consentId: string | null;
  status: ReferralStatus;
  followUpOn: string | null;
  overdue: boolean;
  createdBy: string;
  createdAt: string;
  events: ReferralEvent[];
  version: number;
}

export interface CreateReferralRequest {
  resourceId?: string;
  outsideOrganization?: string;
  need: Need;
  urgency?: Urgency;
  note?: string;
  shareInformation?: boolean;
  /** `sent` (default) shares at once; `draft` keeps it for later. */
  status?: 'draft' | 'sent';
  followUpOn?: string;
}

export interface MoveReferralRequest {
  status: ReferralStatus;
  note?: string;
  followUpOn?: string;
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
  signedAt: string;
  expiresAt: string | null;
  expiryEvent: string | null;
  representativeName: string | null;
  revokedAt: string | null;
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
  signedAt: string;
  expiresAt?: string;
  expiryEvent?: string;
  representativeName?: string;
}

export interface Disclosure {
  id: string;
  clientId: string;
  referralId: string;
  consentId: string;
  recipient: string;
  disclosedAt: string;
  information: string;
  disclosedBy: string;
}

/** The notice 42 CFR 2.32 requires with every disclosure made with the patient's consent. */
export const REDISCLOSURE_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any further disclosure of this record unless authorized by the ' +
  'written consent of the person to whom it pertains, or otherwise permitted by 42 CFR part 2. A general ' +
  'authorization for the release of medical or other information is NOT sufficient for this purpose (see 42 CFR ' +
  '2.31). The Federal rules restrict any use of the information to investigate or prosecute with regard to a crime ' +
  'any patient with a substance use disorder, except as provided at 42 CFR 2.12(c)(5) and 2.66.';
