import {
  contactVerdict,
  CONTACT_TYPES,
  type ContactType,
  DEFAULT_BILLING_PROFILE,
  DEFAULT_TIME_ZONE,
  defaultBillable,
  localDate,
  MODALITIES,
  type Modality,
  RECOVERY_DOMAINS,
  unitsForMinutes,
} from '@peerpath/contracts';
import { EntityManager } from 'typeorm';
import { nameKey } from '../clients/client-scope';

const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Emery',
  'Finley',
  'Gray',
  'Harper',
  'Indigo',
  'Jules',
  'Kai',
  'Lane',
  'Marlow',
  'Noel',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sage',
  'Tatum',
  'Uma',
  'Vale',
  'Wren',
  'Yael',
];
const LAST = [
  'Example',
  'Sample',
  'Placeholder',
  'Fictional',
  'Madeup',
  'Specimen',
  'Mockton',
  'Testwell',
  'Demoson',
  'Dummyfield',
  'Pretendez',
  'Notreal',
];
const NOTES = [
  'Demo note (fake): talked through the week and what helped with cravings.',
  'Demo note (fake): went over the recovery plan; wants to try a new meeting.',
  'Demo note (fake): helped fill in a housing application together.',
  'Demo note (fake): checked in by phone; doing okay, asked about bus passes.',
  'Demo note (fake): left a message, no answer.',
  'Demo note (fake): celebrated a milestone; planning next steps for work.',
];

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const DAY = 86_400_000;

/** A text or an email takes minutes, not an hour: the drawn length mapped to a short one. */
const WRITTEN_MINUTES: Record<number, number> = { 10: 2, 15: 3, 20: 5, 30: 5, 45: 8, 60: 10, 90: 4 };

/** Medicaid ids for the demo, except the clients a biller would be asked to chase (index 2 of each peer). */
function demoMedicaidId(peerIndex: number, i: number): string | null {
  return i === 2 ? null : `DEMO-${peerIndex + 1}${String(i + 1).padStart(3, '0')}`;
}

/** Clients with six months of contacts for one peer: some overdue, some drafts, some amended. */
export async function seedCaseload(
  em: EntityManager,
  org: { id: string; programId: string },
  peer: { id: string; index: number },
  count: number,
): Promise<void> {
  const rnd = random(7 + peer.index * 101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  for (let i = 0; i < count; i++) {
    const first = FIRST[(peer.index * 7 + i) % FIRST.length];
    const last = LAST[(peer.index * 5 + i) % LAST.length];
    const dob = `${1965 + Math.floor(rnd() * 38)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    const recovery = localDate(Date.now() - (20 + Math.floor(rnd() * 900)) * DAY, DEFAULT_TIME_ZONE);
    const [{ id: clientId }] = (await em.query(
      `INSERT INTO clients (organization_id, program_id, primary_peer_id, first_name, last_name, preferred_name,
         pronouns, date_of_birth, phone, recovery_start_date, preferred_contact_method, name_key, medicaid_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now() - interval '200 days') RETURNING id`,
      [
        org.id,
        org.programId,
        peer.id,
        first,
        last,
        i % 4 === 0 ? first.slice(0, 3) : null,
        pick(['she/her', 'he/him', 'they/them', null]),
        dob,
        `555-01${String(10 + i).padStart(2, '0')}`,
        i % 5 === 4 ? null : recovery,
        pick(['phone', 'text', 'in_person']),
        nameKey(first, last),
        demoMedicaidId(peer.index, i),
      ],
    )) as { id: string }[];
    await em.query(
      `INSERT INTO client_assignments (organization_id, client_id, peer_id, started_at, reason)
       VALUES ($1, $2, $3, now() - interval '200 days', 'intake')`,
      [org.id, clientId, peer.id],
    );
    await em.query(
      `INSERT INTO client_status_events (organization_id, client_id, status, actor_id, at)
       VALUES ($1, $2, 'admitted', $3, now() - interval '200 days')`,
      [org.id, clientId, peer.id],
    );
    // Every third client has gone quiet: their latest contact is weeks old, so they show as overdue.
    const quietDays = i % 3 === 0 ? 16 + Math.floor(rnd() * 20) : Math.floor(rnd() * 9);
    const contacts = 8 + Math.floor(rnd() * 10);
    for (let n = 0; n < contacts; n++) {
      const daysAgo = quietDays + Math.floor(((180 - quietDays) * n) / contacts) + rnd();
      const at = new Date(Date.now() - daysAgo * DAY - 3 * 3600_000);
      const contactType: ContactType =
        n % 6 === 5 ? 'outreach_attempt' : pick(CONTACT_TYPES.filter((t) => t !== 'outreach_attempt'));
      const successful = contactType !== 'outreach_attempt';
      const drawn = successful ? pick([10, 15, 20, 30, 45, 60, 90]) : 5;
      const draft = n === 0 && i % 4 === 1;
      // Drawn in the order the demo always drew, so the rest of the demo stays as it was.
      const modality: Modality = successful ? pick(MODALITIES) : 'phone';
      const minutes = modality === 'text' || modality === 'email' ? WRITTEN_MINUTES[drawn] : drawn;
      const billing = {
        modality,
        contactType,
        successful,
        billable: defaultBillable(modality, contactType, DEFAULT_BILLING_PROFILE),
      };
      const units = contactVerdict(billing, DEFAULT_BILLING_PROFILE).bills ? unitsForMinutes(minutes) : 0;
      const [{ id: contactId }] = (await em.query(
        `INSERT INTO contacts (organization_id, client_id, author_id, occurred_at, duration_minutes, modality, contact_type,
           successful, location, topics, note, billing_units, signed_at, billable, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $4) RETURNING id`,
        [
          org.id,
          clientId,
          peer.id,
          at,
          minutes,
          modality,
          contactType,
          successful,
          pick(['Community center (demo)', 'Coffee shop (demo)', 'Clinic office', null]),
          [pick(RECOVERY_DOMAINS), pick(RECOVERY_DOMAINS)].filter((d, k, all) => all.indexOf(d) === k),
          successful ? pick(NOTES.filter((t) => !t.includes('no answer'))) : NOTES[4],
          units,
          draft ? null : new Date(at.getTime() + 3600_000),
          billing.billable,
        ],
      )) as { id: string }[];
      if (!draft && n % 7 === 3) {
        await em.query(
          `INSERT INTO contact_addenda (organization_id, contact_id, author_id, text, created_at)
           VALUES ($1, $2, $3, 'Addendum (demo): corrected the meeting place.', $4)`,
          [org.id, contactId, peer.id, new Date(at.getTime() + 2 * DAY)],
        );
      }
    }
  }
}
