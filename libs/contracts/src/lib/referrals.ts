import type { ReferralPacket } from './consent';

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
  'waitlisted',
  'accepted',
  'completed',
  'declined',
  'no_show',
  'cancelled',
  'unable_to_contact',
  'no_capacity',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Outcomes funders read (PRODUCT.md §5): a referral in one of these never moves again. */
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'completed',
  'declined',
  'no_show',
  'cancelled',
  'unable_to_contact',
  'no_capacity',
];

/** Still in play: a draft, or sent and waiting for (or holding) a place with the recipient. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['draft', 'sent', 'waitlisted', 'accepted'];

/**
 * The only moves a referral may make (PRODUCT.md §3 and §5), whoever makes them — staff through
 * POST /api/referrals/:id/status or the recipient through their link:
 * draft → sent; sent → accepted | declined | waitlisted | unable_to_contact | no_capacity;
 * waitlisted → accepted | declined | no_capacity; accepted → completed | no_show;
 * any non-final status → cancelled. Any other move answers 409.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['accepted', 'waitlisted', 'declined', 'unable_to_contact', 'no_capacity', 'cancelled'],
  waitlisted: ['accepted', 'declined', 'no_capacity', 'cancelled'],
  accepted: ['completed', 'no_show', 'cancelled'],
  completed: [],
  declined: [],
  no_show: [],
  cancelled: [],
  unable_to_contact: [],
  no_capacity: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Who said no: the client, or the organization the client was referred to. */
export const DECLINED_BY = ['client', 'recipient'] as const;
export type DeclinedBy = (typeof DECLINED_BY)[number];

/** Why a referral was declined, as codes a funder's report can count. */
export const DECLINE_REASONS = [
  'not_eligible',
  'service_not_offered',
  'not_interested',
  'chose_other_provider',
  'cost',
  'transportation',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  not_eligible: 'Not eligible',
  service_not_offered: 'Service not offered',
  not_interested: 'Not interested',
  chose_other_provider: 'Chose another provider',
  cost: 'Cost',
  transportation: 'Transportation',
  other: 'Other',
};

/** What the recipient may answer through their link: moves the same machine allows, nothing else. */
export const RECIPIENT_ANSWERS = [
  'accepted',
  'waitlisted',
  'unable_to_contact',
  'no_capacity',
  'declined',
  'completed',
] as const;
export type RecipientAnswer = (typeof RECIPIENT_ANSWERS)[number];

export const FOLLOW_UP_DAYS = 7;

/** An open referral (sent or accepted) whose follow-up date has passed. */
export function isReferralOverdue(status: ReferralStatus, followUpOn: string | null, today: string): boolean {
  return (
    (status === 'sent' || status === 'waitlisted' || status === 'accepted') &&
    !!followUpOn &&
    followUpOn < today
  );
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
  /** A treating provider: a consent's general designation covers it (42 CFR 2.31(a)(4)). */
  treatingProvider: boolean;
  status: ResourceStatus;
  lastVerifiedOn: string | null;
  version: number;
}

export type ResourceRequest = Partial<Omit<Resource, 'id' | 'version'>> & { name: string };

export interface ReferralEvent {
  status: ReferralStatus;
  /** `recipient` when the organization referred to answered through its link. */
  actorKind: 'staff' | 'recipient';
  actorId: string | null;
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
  declinedBy: DeclinedBy | null;
  declineReason: DeclineReason | null;
  /** When a waitlisted client expects a place. */
  expectedOn: string | null;
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
  /** Required with `declined`. */
  declinedBy?: DeclinedBy;
  /** Required with `declined`. */
  reason?: DeclineReason;
  /** With `waitlisted`: the date a place is expected. */
  expectedOn?: string;
}

/** A recipient link's life, as the peer sees it on the referral. */
export type RecipientLinkState = 'active' | 'expired' | 'revoked';

/** The only time the link's token is shown: when it is made. Stored only as its SHA-256. */
export interface RecipientLinkCreated {
  url: string;
  expiresAt: string;
}

export interface RecipientLinkStatus {
  link: {
    createdAt: string;
    createdByName: string;
    expiresAt: string;
    revokedAt: string | null;
    state: RecipientLinkState;
    /** Each opening is a disclosure (channel `recipient_link`). */
    views: string[];
  } | null;
  /** Moves the recipient made through a link, oldest first. */
  answers: ReferralEvent[];
}

/** What the recipient's page shows: the packet (consented elements only) and what they may answer. */
export interface RecipientView {
  packet: ReferralPacket;
  status: ReferralStatus;
  expectedOn: string | null;
  expiresAt: string;
  /** The answers the referral's status allows now. */
  answers: RecipientAnswer[];
}

export interface RecipientAnswerRequest {
  status: RecipientAnswer;
  note?: string;
  reason?: DeclineReason;
  expectedOn?: string;
}

/** A link is valid this long unless made otherwise. */
export const RECIPIENT_LINK_DAYS = 14;

/** The answers open to the recipient from a status: the state machine's moves, minus staff-only ones. */
export function recipientAnswersFrom(status: ReferralStatus): RecipientAnswer[] {
  return RECIPIENT_ANSWERS.filter((a) => canMoveReferral(status, a));
}

/** One answer a recipient gave through their link, for the peer's home (PRODUCT.md §5). */
export interface RecipientAnswerNews {
  referralId: string;
  clientId: string;
  clientName: string;
  /** The directory resource or outside organization that answered. */
  recipient: string;
  need: Need;
  status: ReferralStatus;
  note: string | null;
  at: string;
}

/** The answers on the caller's caseload since they last marked them seen (or the last 30 days). */
export interface RecipientAnswerFeed {
  items: RecipientAnswerNews[];
  seenAt: string | null;
}

/** Marks answers seen up to and including this instant (the newest one the peer was shown). */
export interface RecipientAnswersSeenRequest {
  through: string;
}
