import { daysBetween } from './clients';
import { addDays, type LocalDate } from './clock';
import { billingUnits } from './contacts';
import type { BillingProfile } from './organization';

export const GROUP_TYPES = [
  'aa',
  'na',
  'smart',
  'celebrate_recovery',
  'peer_led',
  'family',
  'other',
] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const COMMUNITY_MEETING_TYPES = ['aa', 'na', 'smart', 'celebrate_recovery', 'other'] as const;
export type CommunityMeetingType = (typeof COMMUNITY_MEETING_TYPES)[number];

export const MEETING_VERIFICATIONS = ['self_reported', 'verified'] as const;
export type MeetingVerification = (typeof MEETING_VERIFICATIONS)[number];

export const GROUP_LABELS: Record<string, string> = {
  aa: 'AA',
  na: 'NA',
  smart: 'SMART Recovery',
  celebrate_recovery: 'Celebrate Recovery',
  peer_led: 'Peer-led',
  family: 'Family',
  other: 'Other',
  present: 'Present',
  late: 'Late',
  excused: 'Excused',
  absent: 'Absent',
  self_reported: 'Self-reported',
  verified: 'Verified',
};

export const GROUP_BILLING_CODE = 'H0038-HQ';
export const MAX_SESSION_MINUTES = 480;
export const MAX_ATTENDANCE_ROWS = 200;

export const GROUPS_API = {
  groups: '/api/groups',
  group: (id: string) => `/api/groups/${id}`,
  roster: (groupId: string) => `/api/groups/${groupId}/roster`,
  sessions: (groupId: string) => `/api/groups/${groupId}/sessions`,
  walkIns: (groupId: string) => `/api/groups/${groupId}/walk-ins`,
  groupRates: (groupId: string) => `/api/groups/${groupId}/rates`,
  attendance: (sessionId: string) => `/api/sessions/${sessionId}/attendance`,
  clientAttendance: (clientId: string) => `/api/clients/${clientId}/attendance`,
  clientRates: (clientId: string) => `/api/clients/${clientId}/attendance-rates`,
  communityMeetings: (clientId: string) => `/api/clients/${clientId}/community-meetings`,
} as const;

/**
 * The date a new session defaults to: the clinic's today if the group has no session then, else
 * the next date without one (a second session on a taken date is usually a mistake).
 */
export function nextFreeSessionDate(today: LocalDate, sessionDates: Iterable<LocalDate>): LocalDate {
  const taken = new Set(sessionDates);
  let date = today;
  while (taken.has(date)) date = addDays(date, 1);
  return date;
}

/** Present and late clients attended; excused and absent did not. */
export function attended(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'late';
}

/**
 * H0038-HQ: each present or late client earns the PRODUCT.md unit rule for their minutes attended
 * (else the session's length); a group type the billing profile does not bill earns none.
 */
export function groupUnits(
  minutes: number,
  status: AttendanceStatus,
  minutesAttended?: number | null,
  type?: GroupType,
  profile?: Pick<BillingProfile, 'nonBillableGroupTypes'>,
): number {
  if (type && profile?.nonBillableGroupTypes.includes(type)) return 0;
  return attended(status) ? billingUnits(minutesAttended ?? minutes) : 0;
}

/** What a facilitator sees of a client outside their caseload: first name and last initial. */
export function displayName(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0).toUpperCase();
  return initial ? `${firstName.trim()} ${initial}.` : firstName.trim();
}

export interface Facilitator {
  id: string;
  name: string;
}

export interface Group {
  id: string;
  programId: string;
  name: string;
  type: GroupType;
  /** The lead facilitator: the first of `facilitatorIds`. */
  facilitatorId: string;
  facilitatorIds: string[];
  facilitators: Facilitator[];
  /** Weekday and time in words, or an iCalendar RRULE. */
  schedule: string;
  location: string | null;
  videoLink: string | null;
  capacity: number | null;
  active: boolean;
  rosterCount: number;
  version: number;
  createdAt: string;
}

export interface CreateGroupRequest {
  programId: string;
  name: string;
  type: GroupType;
  /** One facilitator, or several with `facilitatorIds` (the first leads). */
  facilitatorId?: string;
  facilitatorIds?: string[];
  schedule: string;
  location?: string;
  videoLink?: string;
  capacity?: number;
  active?: boolean;
}

export type UpdateGroupRequest = Partial<Omit<CreateGroupRequest, 'programId'>> & { version: number };

/**
 * A client as group screens show them. `firstName`, `lastName` and `preferredName` are present only
 * when the caller may read the client in full; a facilitator sees others by `displayName` alone.
 */
export interface GroupMember {
  clientId: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  preferredName?: string | null;
}

export interface RosterEntry extends GroupMember {
  groupId: string;
  addedAt: string;
  removedAt: string | null;
}

export interface AddToRosterRequest {
  clientId: string;
}

export interface GroupSession {
  id: string;
  groupId: string;
  /** YYYY-MM-DD, the clinic's calendar day. */
  date: string;
  /** HH:MM, 24-hour clock. */
  startTime: string;
  durationMinutes: number;
  topic: string;
  createdBy: string;
  /** The one facilitator the session credits for H0038-HQ. */
  facilitatorId: string | null;
  createdAt: string;
  /** Clients with a recorded status; 0 until attendance is taken. */
  recorded: number;
  /** Present and late clients. */
  attended: number;
  /** H0038-HQ units the session bills in all. */
  billingUnits: number;
}

export interface CreateSessionRequest {
  date: string;
  startTime: string;
  durationMinutes: number;
  topic?: string;
  /** The one facilitator the session credits (a co-facilitator bills nothing for it). */
  facilitatorId?: string;
}

export interface AttendanceItem {
  clientId: string;
  status: AttendanceStatus;
  /** Minutes the client was there, for a late arrival or early leaver; absent = the whole session. */
  minutesAttended?: number | null;
}

export interface Attendance extends GroupMember {
  sessionId: string;
  status: AttendanceStatus;
  minutesAttended: number | null;
  /** H0038-HQ units for this client: for the minutes attended (else the session) when present or late. */
  billingUnits: number;
}

export interface SessionAttendance {
  session: GroupSession;
  billingCode: typeof GROUP_BILLING_CODE;
  unitsPerClient: number;
  items: Attendance[];
}

export interface CommunityMeeting {
  id: string;
  clientId: string;
  contactId: string | null;
  meetingType: CommunityMeetingType;
  date: string;
  nameOrPlace: string | null;
  verification: MeetingVerification;
  recordedBy: string;
  createdAt: string;
  /** Community meetings never bill. */
  billingUnits: 0;
}

export interface CreateCommunityMeetingRequest {
  meetingType: CommunityMeetingType;
  date: string;
  nameOrPlace?: string;
  verification?: MeetingVerification;
  contactId?: string;
}

/** One line of a client's attendance history: a clinic group session or a community meeting. */
export type ClientAttendanceEntry =
  | {
      kind: 'group_session';
      id: string;
      date: string;
      sessionId: string;
      groupId: string;
      groupName: string;
      groupType: GroupType;
      startTime: string;
      durationMinutes: number;
      topic: string;
      status: AttendanceStatus;
      billingUnits: number;
    }
  | {
      kind: 'community_meeting';
      id: string;
      date: string;
      meeting: CommunityMeeting;
      billingUnits: 0;
    };

export interface RateWindow {
  /** Sessions that count: attendance was taken and the client had a status or was on the roster. */
  sessions: number;
  /** Of those, present or late. */
  attended: number;
  /** attended / sessions, or null without sessions. */
  rate: number | null;
}

export interface AttendanceRates {
  last4Weeks: RateWindow;
  last12Weeks: RateWindow;
  /** Most recent sessions in a row marked absent; an excused absence or any attendance ends the run. */
  consecutiveAbsences: number;
  missedLastTwoSessions: boolean;
}

export interface ClientAttendanceRates extends AttendanceRates {
  clientId: string;
}

/** For a group, `sessions` and `attended` count client-sessions (one per client per session). */
export interface GroupRateWindow extends RateWindow {
  /** Sessions of the group with attendance taken. */
  groupSessions: number;
  billingUnits: number;
}

export interface GroupRates {
  groupId: string;
  last4Weeks: GroupRateWindow;
  last12Weeks: GroupRateWindow;
  clients: (GroupMember & AttendanceRates)[];
}

/** A client's status at one session, as the rate rules count it. */
export interface AttendanceRecord {
  date: string;
  status: AttendanceStatus;
}

/**
 * Rates over the last 4 and 12 weeks (today included) and the run of absences, from a client's
 * records ordered newest first.
 */
export function attendanceRates(records: AttendanceRecord[], today: string): AttendanceRates {
  const past = records.filter((r) => r.date <= today);
  const window = (weeks: number): RateWindow => {
    const inside = past.filter((r) => daysBetween(r.date, today) < weeks * 7);
    const count = inside.filter((r) => attended(r.status)).length;
    return { sessions: inside.length, attended: count, rate: inside.length ? count / inside.length : null };
  };
  const run = past.findIndex((r) => r.status !== 'absent');
  const consecutiveAbsences = run === -1 ? past.length : run;
  return {
    last4Weeks: window(4),
    last12Weeks: window(12),
    consecutiveAbsences,
    missedLastTwoSessions: consecutiveAbsences >= 2,
  };
}
