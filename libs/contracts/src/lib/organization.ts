import type { Modality, ContactType } from './contacts';
import type { GroupType } from './groups';

/**
 * How an organization bills peer support (HCPCS H0038, per 15 minutes). Defaults follow common
 * state Medicaid peer-support rules: face-to-face, telephone and video are billable, text and
 * email are not; AA, NA and Celebrate Recovery are community fellowships, not billable groups;
 * telehealth is marked with modifier 95 (audio-video) or 93 (audio-only) and place of service
 * 10 (telehealth in the patient's home); at most 16 units (4 hours) per client, date and code.
 */
export interface BillingProfile {
  billableModalities: Modality[];
  nonBillableContactTypes: ContactType[];
  nonBillableGroupTypes: GroupType[];
  dailyUnitCap: number;
  modifiers: Partial<Record<Modality, string[]>>;
  placeOfService: Partial<Record<Modality, string>>;
}

export const DEFAULT_BILLING_PROFILE: BillingProfile = {
  billableModalities: ['in_person', 'phone', 'video'],
  nonBillableContactTypes: [],
  nonBillableGroupTypes: ['aa', 'na', 'celebrate_recovery'],
  dailyUnitCap: 16,
  modifiers: { video: ['95'], phone: ['93'] },
  placeOfService: { in_person: '11', video: '10', phone: '10' },
};

export interface OrganizationSettings {
  id: string;
  name: string;
  timeZone: string;
  billingProfile: BillingProfile;
  version: number;
}

export interface UpdateOrganizationRequest {
  version: number;
  name?: string;
  timeZone?: string;
  billingProfile?: Partial<BillingProfile>;
}

export const ORGANIZATION_API = '/api/organization';
