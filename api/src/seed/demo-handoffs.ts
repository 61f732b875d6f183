import { EntityManager } from 'typeorm';

const HOUR = 3_600_000;

/** A few warm handoffs from different sources, some new, one claimed and tried: all obviously fake. */
const HANDOFFS = [
  {
    source: 'emergency_department',
    referrer: 'ED charge nurse (demo)',
    first: 'Sample',
    last: 'Handoffone',
    need: 'moud',
    hoursAgo: 2,
  },
  {
    source: 'jail_reentry',
    referrer: 'Re-entry coordinator (demo)',
    first: 'Sample',
    last: 'Handofftwo',
    need: 'recovery_housing',
    hoursAgo: 20,
  },
  {
    source: 'drug_court',
    referrer: 'Court liaison (demo)',
    first: 'Sample',
    last: 'Handoffthree',
    need: 'employment',
    hoursAgo: 30,
  },
  {
    source: 'crisis_line',
    referrer: 'Crisis counselor (demo)',
    first: 'Sample',
    last: 'Handofffour',
    need: 'mental_health',
    hoursAgo: 50,
    claimed: true,
  },
] as const;

export async function seedHandoffs(
  em: EntityManager,
  org: { id: string; programId: string },
  peerIds: string[],
  createdBy: string,
): Promise<void> {
  for (const [i, h] of HANDOFFS.entries()) {
    const receivedAt = new Date(Date.now() - h.hoursAgo * HOUR);
    const claimer = 'claimed' in h && h.claimed ? peerIds[0] : null;
    const [{ id }] = (await em.query(
      `INSERT INTO handoffs (organization_id, program_id, source, referrer_name, referrer_contact, received_at,
         first_name, last_name, phone, need, status, claimed_by, claimed_at, first_attempt_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        org.id,
        org.programId,
        h.source,
        h.referrer,
        `555-01${10 + i}`,
        receivedAt,
        h.first,
        h.last,
        `555-01${50 + i}`,
        h.need,
        claimer ? 'claimed' : 'new',
        claimer,
        claimer ? new Date(receivedAt.getTime() + HOUR) : null,
        claimer ? new Date(receivedAt.getTime() + 3 * HOUR) : null,
        createdBy,
      ],
    )) as { id: string }[];
    if (claimer) {
      await em.query(
        `INSERT INTO handoff_attempts (organization_id, handoff_id, at, method, successful, note, by_id)
         VALUES ($1, $2, $3, 'phone', false, 'Left a voicemail (demo).', $4)`,
        [org.id, id, new Date(receivedAt.getTime() + 3 * HOUR), claimer],
      );
    }
  }
}
