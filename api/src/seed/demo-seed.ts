import { DataSource, EntityManager } from 'typeorm';
import { addDays, DEFAULT_TIME_ZONE, localDate, type Role } from '@peerpath/contracts';
import { hashPassword } from '../auth/passwords';
import { seedCaseload } from './demo-clients';
import { seedGroups } from './demo-groups';
import { seedDirectory, seedReferrals } from './demo-referrals';
import { seedHandoffs } from './demo-handoffs';
import { seedOversight } from './demo-oversight';
import { seedRecovery } from './demo-recovery';
import { pinOrganization } from '../database/organization';

export const DEMO_PASSWORD_DEFAULT = 'peerpath-demo-2026';

interface DemoOrg {
  name: string;
  programs: string[];
  staff: { email: string; name: string; role: Role; credential?: DemoCredential }[];
}

/** A peer's certification: expiring `days` from today (negative: it has lapsed), with its NPI. */
interface DemoCredential {
  number: string;
  days: number;
  npi: string;
}

/** Obviously fake people for obviously fake clinics. */
export const DEMO_ORGS: DemoOrg[] = [
  {
    name: 'Demo Recovery Clinic',
    programs: ['Recovery Support Services'],
    staff: [
      { email: 'admin@demo.test', name: 'Ada Admin (demo)', role: 'admin' },
      { email: 'manager@demo.test', name: 'Morgan Manager (demo)', role: 'manager' },
      { email: 'clinician@demo.test', name: 'Casey Clinician (demo)', role: 'clinician' },
      {
        email: 'peer@demo.test',
        name: 'Pat Peer (demo)',
        role: 'peer',
        credential: { number: 'DEMO-CPRS-1041', days: 400, npi: '1234567893' },
      },
      // Robin's certification lapsed ten days ago, so their newest claim lines wait on the renewal.
      {
        email: 'peer2@demo.test',
        name: 'Robin Peer (demo)',
        role: 'peer',
        credential: { number: 'DEMO-CPRS-2087', days: -10, npi: '1245319599' },
      },
    ],
  },
  {
    name: 'Other Clinic',
    programs: ['Other Clinic Peer Program'],
    staff: [
      { email: 'admin@other.test', name: 'Olive Admin (other demo)', role: 'admin' },
      { email: 'manager@other.test', name: 'Oscar Manager (other demo)', role: 'manager' },
      {
        email: 'peer@other.test',
        name: 'Owen Peer (other demo)',
        role: 'peer',
        credential: { number: 'OTHER-CPRS-0007', days: 200, npi: '1003000126' },
      },
    ],
  },
];

export function demoPassword(): string {
  return process.env['DEMO_PASSWORD'] || DEMO_PASSWORD_DEFAULT;
}

/** Seeds the demo only into a database with no organization yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(ownerUrl: string): Promise<boolean> {
  const db = new DataSource({ type: 'postgres', url: ownerUrl });
  await db.initialize();
  try {
    return await db.transaction(async (em) => {
      await em.query('LOCK TABLE organizations IN EXCLUSIVE MODE');
      const [{ count }] = (await em.query('SELECT count(*)::int AS count FROM organizations')) as {
        count: number;
      }[];
      if (count > 0) return false;
      const hash = await hashPassword(demoPassword());
      for (const org of DEMO_ORGS) await seedOrganization(em, org, hash);
      return true;
    });
  } finally {
    await db.destroy();
  }
}

async function seedOrganization(em: EntityManager, org: DemoOrg, passwordHash: string): Promise<void> {
  const [{ id: orgId }] = (await em.query(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [
    org.name,
  ])) as {
    id: string;
  }[];
  await pinOrganization(em, orgId);
  const programIds: string[] = [];
  for (const name of org.programs) {
    const [{ id }] = (await em.query(
      `INSERT INTO programs (organization_id, name) VALUES ($1, $2) RETURNING id`,
      [orgId, name],
    )) as { id: string }[];
    programIds.push(id);
  }
  let peerIndex = 0;
  const peerIds: string[] = [];
  for (const person of org.staff) {
    const [{ id }] = (await em.query(
      `INSERT INTO users (organization_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [orgId, person.email, person.name, person.role, passwordHash],
    )) as { id: string }[];
    if (person.credential) {
      const expiresOn = addDays(localDate(new Date(), DEFAULT_TIME_ZONE), person.credential.days);
      await em.query(
        `UPDATE users SET credential_type = 'CPRS', credential_number = $2, credential_expires_on = $3, npi = $4
          WHERE id = $1`,
        [id, person.credential.number, expiresOn, person.credential.npi],
      );
    }
    for (const programId of programIds) {
      await em.query(
        `INSERT INTO program_memberships (organization_id, program_id, user_id) VALUES ($1, $2, $3)`,
        [orgId, programId, id],
      );
    }
    if (person.role === 'peer') {
      const count = org.name === 'Demo Recovery Clinic' ? 12 : 4;
      await seedCaseload(em, { id: orgId, programId: programIds[0] }, { id, index: peerIndex++ }, count);
      peerIds.push(id);
    }
  }
  await seedGroups(em, { id: orgId, programId: programIds[0] });
  const resourceIds = await seedDirectory(em, orgId);
  for (const [i, peerId] of peerIds.entries()) {
    await seedReferrals(em, { id: orgId, name: org.name }, peerId, resourceIds, i * 3);
  }
  await seedOversight(em, orgId);
  await seedRecovery(em, orgId);
  await seedHandoffs(em, { id: orgId, programId: programIds[0] }, peerIds, peerIds[0]);
}
