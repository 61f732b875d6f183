import type { Assessment, Goal } from '@peerpath/contracts';

export const GOAL_STALE_MESSAGE = 'Someone else changed this goal; reload to see their changes.';

export interface GoalGroups {
  active: Goal[];
  achieved: Goal[];
  paused: Goal[];
}

/** Active, achieved, and paused or dropped goals. */
export function groupGoals(goals: Goal[]): GoalGroups {
  return {
    active: goals.filter((g) => g.status === 'active'),
    achieved: goals.filter((g) => g.status === 'achieved'),
    paused: goals.filter((g) => g.status === 'paused' || g.status === 'dropped'),
  };
}

export interface Barc10Summary {
  latest: Assessment;
  first: Assessment;
  /** Latest total minus the first; null with only one assessment. */
  change: number | null;
}

/** The latest BARC-10 and its change since the first, whatever order the list comes in. */
export function barc10Summary(assessments: Assessment[]): Barc10Summary | null {
  if (!assessments.length) return null;
  const sorted = [...assessments].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const first = sorted[0];
  const latest = sorted[sorted.length - 1];
  return { first, latest, change: sorted.length > 1 ? latest.total - first.total : null };
}

/** "+13", "−4" or "±0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}
