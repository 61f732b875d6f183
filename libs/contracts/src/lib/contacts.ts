import type { ContactReview } from './oversight';

export const MODALITIES = ['in_person', 'phone', 'video', 'text', 'email'] as const;
export type Modality = (typeof MODALITIES)[number];

export const CONTACT_TYPES = [
  'check_in',
  'recovery_planning',
  'crisis_support',
  'advocacy',
  'transportation',
  'group_follow_up',
  'outreach_attempt',
  'other',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** Recovery domains, for contact topics and goals. */
export const RECOVERY_DOMAINS = [
  'substance_use',
  'housing',
  'employment',
  'education',
  'physical_health',
  'mental_health',
  'family_social',
  'legal',
  'financial',
  'transportation',
  'spirituality',
  'recreation',
] as const;
export type RecoveryDomain = (typeof RECOVERY_DOMAINS)[number];

export const LABELS: Record<string, string> = {
  in_person: 'In person',
  phone: 'Phone',
  video: 'Video',
  text: 'Text',
  email: 'Email',
  check_in: 'Check-in',
  recovery_planning: 'Recovery planning',
  crisis_support: 'Crisis support',
  advocacy: 'Advocacy',
  transportation: 'Transportation',
  group_follow_up: 'Group follow-up',
  outreach_attempt: 'Outreach attempt',
  other: 'Other',
  substance_use: 'Substance use',
  housing: 'Housing',
  employment: 'Employment',
  education: 'Education',
  physical_health: 'Physical health',
  mental_health: 'Mental health',
  family_social: 'Family & social',
  legal: 'Legal',
  financial: 'Financial',
  spirituality: 'Spirituality',
  recreation: 'Recreation',
};

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_CONTACT_MINUTES = 480;

/**
 * HCPCS H0038 (peer support, per 15 minutes): a successful, billable contact of m minutes earns
 * floor((m + 7) / 15) units, so under 8 minutes earns none.
 */
export function billingUnits(minutes: number, successful = true, billable = true): number {
  if (!successful || !billable || minutes < 8) return 0;
  return Math.floor((minutes + 7) / 15);
}

export interface Addendum {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  text: string;
}

export interface Contact {
  id: string;
  clientId: string;
  authorId: string;
  authorName: string;
  occurredAt: string;
  durationMinutes: number;
  modality: Modality;
  contactType: ContactType;
  successful: boolean;
  billable: boolean;
  location: string | null;
  topics: RecoveryDomain[];
  note: string;
  billingUnits: number;
  signedAt: string | null;
  addenda: Addendum[];
  /** A supervisor's documentation review, visible to the peer who wrote the contact. */
  review: ContactReview | null;
  version: number;
  createdAt: string;
}

export interface CreateContactRequest {
  occurredAt: string;
  durationMinutes: number;
  modality: Modality;
  contactType: ContactType;
  successful: boolean;
  billable?: boolean;
  location?: string;
  topics?: RecoveryDomain[];
  note?: string;
  /** Sign at once: the usual case when logging from a phone. */
  sign?: boolean;
}

export type UpdateContactRequest = Partial<Omit<CreateContactRequest, 'sign'>> & { version: number };

export interface TimelineEntry {
  kind:
    | 'contact'
    | 'status'
    | 'assignment'
    | 'referral'
    | 'attendance'
    | 'meeting'
    | 'goal'
    | 'goal_achieved'
    | 'assessment';
  id: string;
  at: string;
  title: string;
  contact?: Contact;
  detail?: string | null;
}
