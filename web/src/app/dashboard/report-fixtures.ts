import { addDays, type CaseloadReport, type PeerCaseloadFigures } from '@peerpath/contracts';

export const PAT_ID = '60000000-0000-4000-8000-000000000001';
export const ROBIN_ID = '60000000-0000-4000-8000-000000000002';

const WEEKS = Array.from({ length: 12 }, (_, i) => addDays('2026-01-05', i * 7));

export function peerFigures(overrides: Partial<PeerCaseloadFigures> = {}): PeerCaseloadFigures {
  return {
    peerId: PAT_ID,
    peerName: 'Pat Peer (demo)',
    activeClients: 12,
    newClients: 1,
    dischargedClients: 0,
    successfulContactsPerWeek: 5.5,
    contactedLast14DaysShare: 0.75,
    overdueClients: 3,
    openReferrals: 4,
    overdueReferrals: 1,
    referralCompletionRate: 0.5,
    groupAttendanceRate: 0.8,
    h0038UnitsPerWeek: 14,
    h0038HqUnitsPerWeek: 6,
    caseloadLimit: 25,
    caseloadRatio: 0.48,
    contactsByWeek: WEEKS.map((weekStart, i) => ({ weekStart, successful: i + 1 })),
    ...overrides,
  };
}

/** Two peers: Pat within the limit, Robin over it and without recorded group sessions. */
export function caseloadReport(overrides: Partial<CaseloadReport> = {}): CaseloadReport {
  return {
    from: '2026-03-01T00:00:00.000Z',
    to: '2026-03-29T00:00:00.000Z',
    weeks: 4,
    peers: [
      peerFigures(),
      peerFigures({
        peerId: ROBIN_ID,
        peerName: 'Robin Peer (demo)',
        activeClients: 27,
        caseloadRatio: 1.08,
        overdueClients: 0,
        groupAttendanceRate: null,
        successfulContactsPerWeek: 4.5,
        contactedLast14DaysShare: 0.5,
        contactsByWeek: WEEKS.map((weekStart) => ({ weekStart, successful: 2 })).reverse(),
      }),
    ],
    referralOutcomes: { completed: 3, declined: 1, cancelled: 2 },
    referralDeclines: [{ declinedBy: 'recipient', reason: 'not_eligible', n: 1 }],
    ...overrides,
  };
}
