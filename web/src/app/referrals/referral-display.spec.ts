import { canMoveReferral, REFERRAL_STATUSES } from '@peerpath/contracts';
import { boardColumns, dayAfter, nextStatuses, overdueFirst, recipientOf } from './referral-display';
import { referral } from './referral-fixtures';

describe('nextStatuses', () => {
  it('offers exactly the legal moves of PRODUCT.md §3 and nothing from a final status', () => {
    for (const from of REFERRAL_STATUSES) {
      const offered = nextStatuses(from);
      for (const to of REFERRAL_STATUSES) expect(offered.includes(to)).toBe(canMoveReferral(from, to));
    }
    expect(nextStatuses('draft')).toEqual(['sent', 'cancelled']);
    expect(nextStatuses('sent')).toEqual([
      'accepted',
      'waitlisted',
      'declined',
      'unable_to_contact',
      'no_capacity',
      'cancelled',
    ]);
    expect(nextStatuses('waitlisted')).toEqual(['accepted', 'declined', 'no_capacity', 'cancelled']);
    expect(nextStatuses('accepted')).toEqual(['completed', 'no_show', 'cancelled']);
    for (const final of [
      'completed',
      'declined',
      'no_show',
      'cancelled',
      'unable_to_contact',
      'no_capacity',
    ] as const)
      expect(nextStatuses(final)).toEqual([]);
  });
});

describe('boardColumns', () => {
  it('groups open referrals by status and puts overdue follow-ups first, then the earliest follow-up', () => {
    const columns = boardColumns([
      referral(1, { status: 'sent', followUpOn: '2026-03-10' }),
      referral(2, { status: 'sent', followUpOn: '2026-03-20', overdue: true }),
      referral(3, { status: 'accepted', followUpOn: '2026-03-05' }),
      referral(4, { status: 'sent', followUpOn: '2026-03-01', overdue: true }),
      referral(5, { status: 'draft', followUpOn: null }),
      referral(6, { status: 'completed' }),
    ]);
    expect(columns.map((c) => c.status)).toEqual(['draft', 'sent', 'waitlisted', 'accepted']);
    expect(columns[1].referrals.map((r) => r.clientName)).toEqual(['Client 4', 'Client 2', 'Client 1']);
    expect(columns[1].overdue).toBe(2);
    expect(columns[0].referrals.map((r) => r.clientName)).toEqual(['Client 5']);
    expect(columns.flatMap((c) => c.referrals).some((r) => r.status === 'completed')).toBe(false);
  });

  it('keeps overdue first even when a non-overdue follow-up date is earlier', () => {
    const sorted = overdueFirst([
      referral(1, { followUpOn: '2026-01-01', overdue: false }),
      referral(2, { followUpOn: '2026-02-01', overdue: true }),
    ]);
    expect(sorted.map((r) => r.clientName)).toEqual(['Client 2', 'Client 1']);
  });
});

describe('helpers', () => {
  it('names the recipient and turns an inclusive end date into the exclusive API bound', () => {
    expect(recipientOf(referral(1))).toBe('Harbor Light Shelter (fake)');
    expect(recipientOf({ resourceName: null, outsideOrganization: 'Corner Kitchen (fake)' })).toBe(
      'Corner Kitchen (fake)',
    );
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
