import { localDate } from './clock';
import { ContactType, LABELS, Modality } from './contacts';
import { AttendanceStatus, GroupType, GROUP_LABELS } from './groups';
import { BillingProfile } from './organization';

/** HCPCS H0038: self-help/peer services, per 15 minutes. Groups add modifier HQ (group setting). */
export const PEER_SUPPORT_CODE = 'H0038';
export const GROUP_MODIFIER = 'HQ';

export const CLAIM_PROBLEMS = ['note', 'credential', 'medicaid-id', 'daily-cap', 'minutes-attended'] as const;
export type ClaimProblem = (typeof CLAIM_PROBLEMS)[number];

export const CLAIM_PROBLEM_LABELS: Record<ClaimProblem, string> = {
  note: 'No note on a contact',
  credential: 'Peer credential missing or expired on the date of service',
  'medicaid-id': 'Client has no Medicaid id',
  'daily-cap': 'Over the daily unit cap; units cut to the cap',
  'minutes-attended': 'Late arrival without minutes attended',
};

export const BILLING_API = {
  claimLines: '/api/billing/claim-lines',
  claimLinesCsv: '/api/billing/claim-lines.csv',
} as const;

export interface Credential {
  /** e.g. CPRS, CPSS, NCPRSS */
  type: string;
  number: string;
  /** YYYY-MM-DD: the last local day the credential is valid. */
  expiresOn: string;
}

export interface ClaimLine {
  clientId: string;
  clientName: string;
  renderingPeerId: string;
  renderingPeerName: string;
  /** The clinic's local calendar date of service. */
  serviceDate: string;
  hcpcs: typeof PEER_SUPPORT_CODE;
  modifiers: string[];
  placeOfService: string;
  minutes: number;
  units: number;
  contactIds: string[];
  sessionId: string | null;
  ready: boolean;
  problems: ClaimProblem[];
}

export interface ClaimLinesQuery {
  from?: string;
  to?: string;
  programId?: string;
}

/**
 * CMS "8-minute rule" for timed codes (Medicare Claims Processing Manual ch. 5 §20.2, as state
 * Medicaid peer-support manuals adopt it for H0038): the total minutes of one code on one date
 * earn floor((m + 7) / 15) units, so 8–22 minutes bill 1 unit and under 8 none (PRODUCT.md §3).
 */
export function unitsForMinutes(minutes: number): number {
  return minutes < 8 ? 0 : Math.floor((minutes + 7) / 15);
}

/**
 * NPI check digit (45 CFR 162.406; CMS "NPI check digit" guidance): Luhn over the 10 digits with
 * the card-issuer prefix 80840 in front, i.e. a constant 24 added to the doubled-digit sum.
 */
export function isValidNpi(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) return false;
  const digits = `80840${value}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits[i];
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export interface ContactForBilling {
  modality: Modality;
  contactType: ContactType;
  successful: boolean;
  billable: boolean;
}

const MODALITY_WORDS: Record<string, string> = {
  text: 'text message',
  email: 'email',
  in_person: 'in person',
  phone: 'phone call',
  video: 'video call',
};

/** A contact's billable flag by default: whether the billing profile bills its modality and type. */
export function defaultBillable(
  modality: Modality,
  contactType: ContactType,
  profile: BillingProfile,
): boolean {
  return (
    profile.billableModalities.includes(modality) && !profile.nonBillableContactTypes.includes(contactType)
  );
}

export interface BillingVerdict {
  bills: boolean;
  /** Why not, in plain words ("text message"), or null when it bills. */
  reason: string | null;
}

/**
 * Whether a contact can produce H0038 units, before minutes are counted: billing profile's
 * billable modalities and contact types (payer's covered service delivery methods; text and email
 * are not a covered peer-support service), the peer's billable flag, and a successful contact
 * (an attempt that did not reach the client is not a service).
 */
export function contactVerdict(contact: ContactForBilling, profile: BillingProfile): BillingVerdict {
  if (!profile.billableModalities.includes(contact.modality))
    return { bills: false, reason: MODALITY_WORDS[contact.modality] ?? LABELS[contact.modality] };
  if (profile.nonBillableContactTypes.includes(contact.contactType))
    return {
      bills: false,
      reason: `${(LABELS[contact.contactType] ?? contact.contactType).toLowerCase()} is not billed`,
    };
  if (!contact.successful) return { bills: false, reason: 'did not reach the client' };
  if (!contact.billable) return { bills: false, reason: 'marked not billable' };
  return { bills: true, reason: null };
}

/** What the phone log shows before saving: "Will bill: …" or "Won't bill: text message". */
export function billingPreview(
  contact: ContactForBilling & { durationMinutes: number; note: string },
  profile: BillingProfile,
): string {
  const verdict = contactVerdict(contact, profile);
  if (!verdict.bills) return `Won't bill: ${verdict.reason}`;
  const units = unitsForMinutes(contact.durationMinutes);
  const unitWords = `${units} ${PEER_SUPPORT_CODE} unit${units === 1 ? '' : 's'}`;
  const note = contact.note.trim() ? '' : ' — needs a note to sign';
  if (units === 0) return `Will bill with the day's other contacts: under 8 minutes alone${note}`;
  return `Will bill: about ${unitWords} (the day's minutes are added up)${note}`;
}

/** The note rule at signing: a contact that bills must carry a note (payer documentation rule). */
export function noteRequired(
  contact: ContactForBilling & { note: string },
  profile: BillingProfile,
): boolean {
  return contactVerdict(contact, profile).bills && !contact.note.trim();
}

export interface ClaimContact extends ContactForBilling {
  id: string;
  clientId: string;
  authorId: string;
  occurredAt: string | Date;
  durationMinutes: number;
  note: string;
  signedAt: string | Date | null;
}

export interface ClaimAttendance {
  sessionId: string;
  clientId: string;
  /** The session's local date. */
  date: string;
  groupType: GroupType;
  sessionMinutes: number;
  /** The one facilitator the session credits; null bills nobody. */
  facilitatorId: string | null;
  status: AttendanceStatus;
  minutesAttended: number | null;
}

export interface ClaimPerson {
  name: string;
}
export interface ClaimPeer extends ClaimPerson {
  credential: Credential | null;
}
export interface ClaimClient extends ClaimPerson {
  medicaidId: string | null;
}

export interface ClaimInput {
  contacts: ClaimContact[];
  attendance: ClaimAttendance[];
  profile: BillingProfile;
  timeZone: string;
  peers: Map<string, ClaimPeer>;
  clients: Map<string, ClaimClient>;
}

/** Whether a group's type bills (profile's non-billable group types: AA, NA, Celebrate Recovery are community fellowships). */
export function groupBills(type: GroupType, profile: BillingProfile): boolean {
  return !profile.nonBillableGroupTypes.includes(type);
}

export function groupVerdict(type: GroupType, profile: BillingProfile): BillingVerdict {
  return groupBills(type, profile)
    ? { bills: true, reason: null }
    : { bills: false, reason: `${GROUP_LABELS[type] ?? type} is a community meeting` };
}

/**
 * Claim lines (PRODUCT.md §5). Individual: one line per client, rendering peer and local date of
 * service from signed contacts that bill, minutes summed before rounding (CMS: time of one code on
 * one date is totalled). Group (HQ): one line per attending client and billable session, credited
 * to the session's one facilitator (a co-facilitator renders no separate claim). Each client's
 * units per date and code are held to the profile's daily cap (state Medicaid peer-support limit,
 * 16 units = 4 hours by default); lines cut by it carry `daily-cap`.
 */
export function buildClaimLines(input: ClaimInput): ClaimLine[] {
  const { profile, timeZone } = input;
  const individual = new Map<string, { line: ClaimLine; first: number; byModality: Map<Modality, number> }>();
  for (const c of input.contacts) {
    if (!c.signedAt || !contactVerdict(c, profile).bills) continue;
    const serviceDate = localDate(c.occurredAt, timeZone);
    const key = `${c.clientId}|${c.authorId}|${serviceDate}`;
    let entry = individual.get(key);
    if (!entry) {
      entry = {
        line: blankLine(input, c.clientId, c.authorId, serviceDate),
        first: new Date(c.occurredAt).getTime(),
        byModality: new Map(),
      };
      individual.set(key, entry);
    }
    entry.line.minutes += c.durationMinutes;
    entry.line.contactIds.push(c.id);
    entry.first = Math.min(entry.first, new Date(c.occurredAt).getTime());
    entry.byModality.set(c.modality, (entry.byModality.get(c.modality) ?? 0) + c.durationMinutes);
    if (!c.note.trim()) addProblem(entry.line, 'note');
  }
  const lines: { line: ClaimLine; first: number }[] = [];
  for (const { line, first, byModality } of individual.values()) {
    // One claim line carries one place of service: that of the modality with the most minutes.
    const modality = [...byModality.entries()].sort((a, b) => b[1] - a[1])[0][0];
    line.modifiers = [...(profile.modifiers[modality] ?? [])];
    line.placeOfService = profile.placeOfService[modality] ?? '11';
    line.units = unitsForMinutes(line.minutes);
    lines.push({ line, first });
  }
  for (const a of input.attendance) {
    if (a.status !== 'present' && a.status !== 'late') continue;
    if (!groupBills(a.groupType, profile) || !a.facilitatorId) continue;
    const line = blankLine(input, a.clientId, a.facilitatorId, a.date);
    line.sessionId = a.sessionId;
    line.modifiers = [GROUP_MODIFIER];
    line.placeOfService = profile.placeOfService.in_person ?? '11';
    line.minutes = a.minutesAttended ?? a.sessionMinutes;
    if (a.status === 'late' && a.minutesAttended == null) addProblem(line, 'minutes-attended');
    line.units = unitsForMinutes(line.minutes);
    lines.push({ line, first: 0 });
  }
  applyDailyCap(
    lines.sort((x, y) => x.first - y.first).map((l) => l.line),
    profile.dailyUnitCap,
  );
  const result = lines.map((l) => l.line);
  for (const line of result) {
    const peer = input.peers.get(line.renderingPeerId);
    if (!peer?.credential || peer.credential.expiresOn < line.serviceDate) addProblem(line, 'credential');
    if (!input.clients.get(line.clientId)?.medicaidId) addProblem(line, 'medicaid-id');
    line.problems.sort((a, b) => CLAIM_PROBLEMS.indexOf(a) - CLAIM_PROBLEMS.indexOf(b));
    line.ready = line.problems.length === 0;
  }
  return result.sort(
    (a, b) =>
      a.serviceDate.localeCompare(b.serviceDate) ||
      a.clientName.localeCompare(b.clientName) ||
      a.modifiers.join().localeCompare(b.modifiers.join()) ||
      (a.sessionId ?? '').localeCompare(b.sessionId ?? ''),
  );
}

/**
 * A client's units per date and code never pass the cap; earlier lines keep theirs first (group
 * sessions, then contacts in the order they happened). The code is H0038 whatever its modifiers:
 * payers' daily unit limits (CMS's medically unlikely edits among them) count a HCPCS code per
 * date of service, group (HQ) and telehealth (95, 93) lines included.
 */
function applyDailyCap(lines: ClaimLine[], cap: number): void {
  const used = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.clientId}|${line.serviceDate}|${line.hcpcs}`;
    const before = used.get(key) ?? 0;
    const allowed = Math.max(0, cap - before);
    if (line.units > allowed) {
      line.units = allowed;
      addProblem(line, 'daily-cap');
    }
    used.set(key, before + line.units);
  }
}

function blankLine(input: ClaimInput, clientId: string, peerId: string, serviceDate: string): ClaimLine {
  return {
    clientId,
    clientName: input.clients.get(clientId)?.name ?? '',
    renderingPeerId: peerId,
    renderingPeerName: input.peers.get(peerId)?.name ?? '',
    serviceDate,
    hcpcs: PEER_SUPPORT_CODE,
    modifiers: [],
    placeOfService: '',
    minutes: 0,
    units: 0,
    contactIds: [],
    sessionId: null,
    ready: false,
    problems: [],
  };
}

function addProblem(line: ClaimLine, problem: ClaimProblem): void {
  if (!line.problems.includes(problem)) line.problems.push(problem);
}

/** The CSV a biller imports: the JSON fields, lists joined with spaces. */
export const CLAIM_LINE_CSV_COLUMNS = [
  'serviceDate',
  'clientId',
  'clientName',
  'renderingPeerId',
  'renderingPeerName',
  'hcpcs',
  'modifiers',
  'placeOfService',
  'minutes',
  'units',
  'ready',
  'problems',
  'contactIds',
  'sessionId',
] as const satisfies readonly (keyof ClaimLine)[];
