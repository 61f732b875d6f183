import {
  addDays,
  FINAL_REFERRAL_STATUSES,
  NEED_LABELS,
  type Need,
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralStatus,
  type Urgency,
} from '@peerpath/contracts';

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  waitlisted: 'Waitlisted',
  accepted: 'Accepted',
  completed: 'Completed',
  declined: 'Declined',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  unable_to_contact: 'Unable to contact',
  no_capacity: 'No capacity',
};

/** What the one-tap button for a move says. */
export const MOVE_LABELS: Record<ReferralStatus, string> = {
  draft: 'Back to draft',
  sent: 'Send',
  waitlisted: 'Waitlisted',
  accepted: 'Accepted',
  completed: 'Completed',
  declined: 'Declined',
  no_show: 'No-show',
  unable_to_contact: 'Unable to contact',
  no_capacity: 'No capacity',
  cancelled: 'Cancel',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  routine: 'Routine',
  soon: 'Soon',
  urgent: 'Urgent',
};

/** The statuses a board column shows, in the order a referral moves through them. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['draft', 'sent', 'waitlisted', 'accepted'];

export function needLabel(need: Need): string {
  return NEED_LABELS[need] ?? need;
}

export function isFinal(status: ReferralStatus): boolean {
  return FINAL_REFERRAL_STATUSES.includes(status);
}

/** Only the legal next statuses (PRODUCT.md §3); a final status offers none. */
export function nextStatuses(status: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_TRANSITIONS[status] ?? [];
}

/** Who the referral goes to: the directory resource or the outside organization. */
export function recipientOf(referral: Pick<Referral, 'resourceName' | 'outsideOrganization'>): string {
  return referral.resourceName ?? referral.outsideOrganization ?? '—';
}

/** Overdue follow-ups first, then the earliest follow-up, then the oldest referral. */
export function overdueFirst(referrals: readonly Referral[]): Referral[] {
  return [...referrals].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.followUpOn ?? '9999-12-31').localeCompare(b.followUpOn ?? '9999-12-31') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

export interface BoardColumn {
  status: ReferralStatus;
  label: string;
  referrals: Referral[];
  overdue: number;
}

/** The open referrals grouped by status (draft, sent, accepted), overdue follow-ups first in each. */
export function boardColumns(referrals: readonly Referral[]): BoardColumn[] {
  return OPEN_STATUSES.map((status) => {
    const inColumn = overdueFirst(referrals.filter((r) => r.status === status));
    return {
      status,
      label: STATUS_LABELS[status],
      referrals: inColumn,
      overdue: inColumn.filter((r) => r.overdue).length,
    };
  });
}

/** The day after a YYYY-MM-DD date: the API's `to` is exclusive, a date picker's is inclusive. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}
