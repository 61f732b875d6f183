export const CLINICAL_NOTE_TYPES = ['assessment', 'progress', 'treatment_plan_review', 'discharge'] as const;
export type ClinicalNoteType = (typeof CLINICAL_NOTE_TYPES)[number];

export const CLINICAL_NOTE_LABELS: Record<ClinicalNoteType, string> = {
  assessment: 'Assessment',
  progress: 'Progress note',
  treatment_plan_review: 'Treatment plan review',
  discharge: 'Discharge summary',
};

/**
 * A clinical note. Managers receive the metadata only: `body` and addenda texts are absent for them
 * (`body: null`, `addenda` empty), in lists, single reads and exports alike.
 */
export interface ClinicalNote {
  id: string;
  clientId: string;
  authorId: string;
  authorName: string;
  noteType: ClinicalNoteType;
  body: string | null;
  signedAt: string | null;
  createdAt: string;
  addenda: { id: string; authorId: string; authorName: string; createdAt: string; text: string }[];
  version: number;
}

export interface CreateClinicalNoteRequest {
  noteType: ClinicalNoteType;
  body: string;
  sign?: boolean;
}

export const EMERGENCY_ACCESS_MINUTES = 60;

export interface EmergencyAccessGrant {
  id: string;
  userId: string;
  userName: string;
  clientId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
}

export interface ContactReview {
  contactId: string;
  reviewerId: string;
  reviewerName: string;
  comment: string | null;
  reviewedAt: string;
}

export interface ReviewQueueItem {
  contactId: string;
  clientId: string;
  clientName: string;
  authorId: string;
  authorName: string;
  occurredAt: string;
  durationMinutes: number;
  contactType: string;
  /** Why it is in the queue: a sample of recent work, a long contact, or one late at night. */
  reasons: ('sample' | 'over_120_minutes' | 'after_10pm')[];
}

export interface ReviewCoverage {
  peerId: string;
  peerName: string;
  signedContacts: number;
  reviewed: number;
  coverage: number;
}

export interface PeerCaseloadFigures {
  peerId: string;
  peerName: string;
  activeClients: number;
  newClients: number;
  dischargedClients: number;
  successfulContactsPerWeek: number;
  contactedLast14DaysShare: number;
  overdueClients: number;
  openReferrals: number;
  overdueReferrals: number;
  referralCompletionRate: number | null;
  groupAttendanceRate: number | null;
  h0038UnitsPerWeek: number;
  h0038HqUnitsPerWeek: number;
  caseloadLimit: number;
  caseloadRatio: number;
  contactsByWeek: { weekStart: string; successful: number }[];
}

export interface CaseloadReport {
  from: string;
  to: string;
  weeks: number;
  peers: PeerCaseloadFigures[];
  /** Referrals that reached a final status in the period, by status code. */
  referralOutcomes: Record<string, number>;
  /** Declined referrals in the period by who declined and the reason code. */
  referralDeclines: { declinedBy: string; reason: string; n: number }[];
}

export interface AuditHighlight {
  kind: 'denied' | 'emergency_access' | 'many_clients_outside_caseload' | 'unusual_hour_sign_in';
  actorId: string | null;
  actorName: string | null;
  at: string;
  detail: string;
  count: number;
}
