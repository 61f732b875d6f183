import type { RecoveryDomain } from './contacts';

export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface GoalProgressNote {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  text: string;
}

export interface Goal {
  id: string;
  clientId: string;
  domain: RecoveryDomain;
  description: string;
  targetDate: string | null;
  status: GoalStatus;
  achievedAt: string | null;
  createdBy: string;
  createdAt: string;
  progressNotes: GoalProgressNote[];
  version: number;
}

export interface CreateGoalRequest {
  domain: RecoveryDomain;
  description: string;
  targetDate?: string;
}

export interface UpdateGoalRequest {
  version: number;
  domain?: RecoveryDomain;
  description?: string;
  targetDate?: string | null;
  status?: GoalStatus;
  /** A progress note added with the change. */
  progressNote?: string;
}

/** BARC-10 (Brief Assessment of Recovery Capital): ten statements, each agreed with on a 1–6 scale. */
export const BARC10_ITEMS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel a part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
] as const;

export const BARC10_SCALE = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
] as const;

export function barc10Total(items: number[]): number {
  return items.reduce((sum, n) => sum + n, 0);
}

export interface Assessment {
  id: string;
  clientId: string;
  instrument: 'barc10';
  items: number[];
  total: number;
  takenAt: string;
  recordedBy: string;
}

export interface CreateAssessmentRequest {
  instrument: 'barc10';
  items: number[];
  takenAt?: string;
}

export interface OutcomesReport {
  from: string;
  to: string;
  goalsAchieved: number;
  goalsActive: number;
  goalsByDomain: Record<string, { achieved: number; active: number }>;
  /** Clients with two or more BARC-10s: mean change from their first to their latest total. */
  barc10: { clients: number; meanFirst: number | null; meanLatest: number | null; meanChange: number | null };
  /** Of the clients active at the start of the period, the share still active at its end. */
  retention: { activeAtStart: number; stillActive: number; rate: number | null };
}
