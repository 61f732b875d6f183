import { Foundation1764230400000 } from './1764230400000-Foundation';
import { ClientsAndContacts1764316800000 } from './1764316800000-ClientsAndContacts';
import { Referrals1764403200000 } from './1764403200000-Referrals';
import { Groups1764489600000 } from './1764489600000-Groups';
import { ClinicalAndOversight1764576000000 } from './1764576000000-ClinicalAndOversight';
import { Recovery1764662400000 } from './1764662400000-Recovery';
import { OrganizationSettings1764900000000 } from './1764900000000-OrganizationSettings';

/** Every migration, in order. New migrations are added here so builds and tests find the same list. */
export const MIGRATIONS = [
  Foundation1764230400000,
  ClientsAndContacts1764316800000,
  Referrals1764403200000,
  Groups1764489600000,
  ClinicalAndOversight1764576000000,
  Recovery1764662400000,
  OrganizationSettings1764900000000,
];
