import { Foundation1764230400000 } from './1764230400000-Foundation';
import { ClientsAndContacts1764316800000 } from './1764316800000-ClientsAndContacts';
import { Referrals1764403200000 } from './1764403200000-Referrals';
import { Groups1764489600000 } from './1764489600000-Groups';
import { ClinicalAndOversight1764576000000 } from './1764576000000-ClinicalAndOversight';
import { Recovery1764662400000 } from './1764662400000-Recovery';
import { OrganizationSettings1764900000000 } from './1764900000000-OrganizationSettings';
import { Billing1765000000000 } from './1765000000000-Billing';
import { ConsentScope1765100000000 } from './1765100000000-ConsentScope';
import { ReferralOutcomes1765200000000 } from './1765200000000-ReferralOutcomes';
import { Handoffs1765201000000 } from './1765201000000-Handoffs';
import { RecipientLinks1765202000000 } from './1765202000000-RecipientLinks';
import { RecipientAnswersSeen1765203000000 } from './1765203000000-RecipientAnswersSeen';
import { ScaleIndexes1765300000000 } from './1765300000000-ScaleIndexes';
import { ScaleCoveringIndexes1765300001000 } from './1765300001000-ScaleCoveringIndexes';
import { HistoryAppendOnly1765900000000 } from './1765900000000-HistoryAppendOnly';
import { TenantReferences1765900001000 } from './1765900001000-TenantReferences';
import { RequestCounters1765900002000 } from './1765900002000-RequestCounters';
import { CaseloadAttendanceIndexes1766000000000 } from './1766000000000-CaseloadAttendanceIndexes';
import { ReportReferralIndexes1766000001000 } from './1766000001000-ReportReferralIndexes';
import { OutcomesCoveringIndexes1766000002000 } from './1766000002000-OutcomesCoveringIndexes';
import { MustChangePassword1766100000000 } from './1766100000000-MustChangePassword';
import { AttendanceSessionDate1766200000000 } from './1766200000000-AttendanceSessionDate';
import { ClientLastContact1766200001000 } from './1766200001000-ClientLastContact';

/** Every migration, in order. New migrations are added here so builds and tests find the same list. */
export const MIGRATIONS = [
  Foundation1764230400000,
  ClientsAndContacts1764316800000,
  Referrals1764403200000,
  Groups1764489600000,
  ClinicalAndOversight1764576000000,
  Recovery1764662400000,
  OrganizationSettings1764900000000,
  Billing1765000000000,
  ConsentScope1765100000000,
  ReferralOutcomes1765200000000,
  Handoffs1765201000000,
  RecipientLinks1765202000000,
  RecipientAnswersSeen1765203000000,
  ScaleIndexes1765300000000,
  ScaleCoveringIndexes1765300001000,
  HistoryAppendOnly1765900000000,
  TenantReferences1765900001000,
  RequestCounters1765900002000,
  CaseloadAttendanceIndexes1766000000000,
  ReportReferralIndexes1766000001000,
  OutcomesCoveringIndexes1766000002000,
  MustChangePassword1766100000000,
  AttendanceSessionDate1766200000000,
  ClientLastContact1766200001000,
];

export * from './tenant';
