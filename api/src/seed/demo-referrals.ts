import { DEFAULT_TIME_ZONE, localDate } from '@peerpath/contracts';
import { EntityManager } from 'typeorm';
import { Need, ReferralStatus } from '@peerpath/contracts';

interface DemoResource {
  name: string;
  org: string;
  needs: Need[];
  description: string;
}

/** Fictional community resources; every name says it is a demo. */
const RESOURCES: DemoResource[] = [
  {
    name: 'Harbor Light Shelter (demo)',
    org: 'Harbor Light Services (demo)',
    needs: ['housing'],
    description: 'Emergency shelter beds and housing navigation.',
  },
  {
    name: 'Second Wind Recovery House (demo)',
    org: 'Second Wind Inc. (demo)',
    needs: ['recovery_housing'],
    description: 'Certified recovery residence, peer-run, 12 beds.',
  },
  {
    name: 'Northside Food Pantry (demo)',
    org: 'Northside Mutual Aid (demo)',
    needs: ['food'],
    description: 'Weekly groceries, no ID required.',
  },
  {
    name: 'Bridge Clinic MOUD Program (demo)',
    org: 'Bridge Health (demo)',
    needs: ['moud', 'medical'],
    description: 'Buprenorphine and methadone induction, same-week intake.',
  },
  {
    name: 'Riverside Withdrawal Management (demo)',
    org: 'Riverside Health (demo)',
    needs: ['detox'],
    description: 'Medically monitored withdrawal management, 24/7 admissions.',
  },
  {
    name: 'Open Door Counseling (demo)',
    org: 'Open Door Counseling (demo)',
    needs: ['mental_health'],
    description: 'Sliding-scale counseling and psychiatry.',
  },
  {
    name: 'WorkStart Job Center (demo)',
    org: 'WorkStart (demo)',
    needs: ['employment', 'education'],
    description: 'Job readiness, GED classes and fair-chance employers.',
  },
  {
    name: 'Legal Aid Clinic (demo)',
    org: 'County Legal Aid (demo)',
    needs: ['legal'],
    description: 'Expungement, housing court and benefits appeals.',
  },
  {
    name: 'Benefits Navigator Desk (demo)',
    org: 'Community Action (demo)',
    needs: ['benefits'],
    description: 'Help applying for Medicaid, SNAP and disability benefits.',
  },
  {
    name: 'Ride Together Vouchers (demo)',
    org: 'Transit Access (demo)',
    needs: ['transportation'],
    description: 'Bus passes and rides to treatment appointments.',
  },
  {
    name: 'Little Steps Childcare (demo)',
    org: 'Little Steps (demo)',
    needs: ['childcare'],
    description: 'Drop-in childcare during appointments and groups.',
  },
  {
    name: 'Thursday Night NA Meeting (demo)',
    org: 'Area NA Service Committee (demo)',
    needs: ['mutual_aid'],
    description: 'Open meeting, newcomers welcome.',
  },
];

const STATUS_PATHS: ReferralStatus[][] = [
  ['draft'],
  ['draft', 'sent'],
  ['draft', 'sent', 'accepted'],
  ['draft', 'sent', 'accepted', 'completed'],
  ['draft', 'sent', 'declined'],
  ['draft', 'sent', 'accepted', 'no_show'],
  ['draft', 'sent', 'cancelled'],
];

const DAY = 86_400_000;
/** Clinics, withdrawal management and counseling treat clients: a general designation covers them. */
const TREATING_NEEDS: Need[] = ['medical', 'moud', 'detox', 'mental_health'];
const isoDate = (ms: number) => localDate(ms, DEFAULT_TIME_ZONE);

export async function seedDirectory(em: EntityManager, orgId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, r] of RESOURCES.entries()) {
    const [{ id }] = (await em.query(
      `INSERT INTO resources (organization_id, external_id, name, organization_name, description, needs, phone, email,
         website, address, hours, eligibility, fees, languages, accepts_medicaid, last_verified_on, treating_provider)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        orgId,
        `demo-service-${i + 1}`,
        r.name,
        r.org,
        r.description,
        r.needs,
        `555-02${String(i).padStart(2, '0')}`,
        `intake${i + 1}@resources.demo.test`,
        `https://resources.demo.test/${i + 1}`,
        `${100 + i * 7} Example Street, Demo City`,
        'Mon–Fri 9:00–17:00',
        i % 3 === 0 ? 'Adults 18+' : 'Open to all',
        i % 2 === 0 ? 'Free' : 'Sliding scale',
        i % 4 === 0 ? ['English', 'Spanish'] : ['English'],
        i % 3 !== 2,
        isoDate(Date.now() - (10 + i * 9) * DAY),
        r.needs.some((n) => TREATING_NEEDS.includes(n)),
      ],
    )) as { id: string }[];
    ids.push(id);
  }
  return ids;
}

/** Referrals in every status for a peer's first clients, with consents active, expired and revoked. */
export async function seedReferrals(
  em: EntityManager,
  org: { id: string; name: string },
  peerId: string,
  resourceIds: string[],
  offset: number,
): Promise<void> {
  const orgId = org.id;
  const clients = (await em.query(
    `SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key LIMIT $2`,
    [peerId, STATUS_PATHS.length],
  )) as { id: string }[];
  for (const [i, { id: clientId }] of clients.entries()) {
    const resourceIndex = (i + offset) % RESOURCES.length;
    const resourceId = resourceIds[resourceIndex];
    const consentKind = i % 3; // 0 in force, 1 expired, 2 revoked
    const [{ id: consentId }] = (await em.query(
      `INSERT INTO consents (organization_id, client_id, disclosing_party, recipient_resource_id, purpose, information,
         signed_at, expires_at, revoked_at, created_by, signed_by, representative_name, revocation_method, revocation_note)
       VALUES ($1, $2, $8, $3, 'Coordinate the referral and follow up on it',
         'Name, contact details, the need referred for and appointment attendance', $4, $5, $6, $7, $9, $10,
         CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE 'written' END,
         CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE 'Client wrote to ask that sharing stop (demo).' END)
       RETURNING id`,
      [
        orgId,
        clientId,
        resourceId,
        isoDate(Date.now() - 120 * DAY),
        consentKind === 1 ? isoDate(Date.now() - 5 * DAY) : isoDate(Date.now() + 300 * DAY),
        consentKind === 2 ? new Date(Date.now() - 20 * DAY) : null,
        peerId,
        org.name,
        // One consent signed by a representative, as for a client under guardianship.
        i === 3 ? 'representative' : 'client',
        i === 3 ? 'Robin Sample (guardian, demo)' : null,
      ],
    )) as { id: string }[];
    const path = STATUS_PATHS[i];
    const shared = consentKind === 0 && path.length > 1;
    const createdAt = Date.now() - (40 - i * 4) * DAY;
    const sentAt = createdAt + DAY;
    // Some open referrals have a follow-up date in the past, so the overdue view shows something real.
    const followUp = path.includes('sent') ? isoDate(sentAt + (i % 2 === 0 ? 7 : 60) * DAY) : null;
    const [{ id: referralId }] = (await em.query(
      `INSERT INTO referrals (organization_id, client_id, resource_id, need, urgency, note, share_information, consent_id,
         status, follow_up_on, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, (SELECT needs[1] FROM resources WHERE id = $3), $4, 'Demo referral (fake).', $5, $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        orgId,
        clientId,
        resourceId,
        i % 3 === 0 ? 'soon' : 'routine',
        shared,
        shared ? consentId : null,
        path[path.length - 1],
        followUp,
        peerId,
        new Date(createdAt),
        // Last changed at its latest move, one day per step.
        new Date(createdAt + (path.length - 1) * DAY),
      ],
    )) as { id: string }[];
    for (const [step, status] of path.entries()) {
      await em.query(
        `INSERT INTO referral_events (organization_id, referral_id, status, actor_id, at, note) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          orgId,
          referralId,
          status,
          peerId,
          new Date(createdAt + step * DAY),
          step === 0 ? null : `Moved to ${status} (demo).`,
        ],
      );
    }
    if (shared) {
      await em.query(
        `INSERT INTO disclosures (organization_id, client_id, referral_id, consent_id, recipient, recipient_contact,
           information, purpose, channel, elements, disclosed_by, disclosed_at)
         SELECT $1, $2, $3, $4, r.name || coalesce(' — ' || r.organization_name, ''), r.phone,
                k.information, k.purpose, 'referral',
                array_remove(ARRAY['name', CASE WHEN c.phone IS NULL THEN NULL ELSE 'phone' END, 'need', 'urgency', 'note'], NULL),
                $6, $7
           FROM resources r, consents k, clients c WHERE r.id = $5 AND k.id = $4 AND c.id = $2`,
        [orgId, clientId, referralId, consentId, resourceId, peerId, new Date(sentAt)],
      );
    }
  }
}
