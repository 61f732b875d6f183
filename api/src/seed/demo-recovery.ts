import { DEFAULT_TIME_ZONE, localDate } from '@peerpath/contracts';
import { EntityManager } from 'typeorm';
import { barc10Total } from '@peerpath/contracts';

const GOALS: [string, string][] = [
  ['housing', 'Move from the shelter into a stable apartment (demo goal).'],
  ['employment', 'Finish the job-readiness course and apply for three jobs (demo goal).'],
  ['family_social', 'Reconnect with family for Sunday dinners (demo goal).'],
  ['physical_health', 'See a primary care doctor and keep the follow-up (demo goal).'],
  ['substance_use', 'Attend two mutual-aid meetings a week (demo goal).'],
];

/** Goals by recovery domain (some achieved) and BARC-10s that climb over months, for each peer's clients. */
export async function seedRecovery(em: EntityManager, orgId: string): Promise<void> {
  const clients = (await em.query(
    `SELECT c.id, c.primary_peer_id FROM clients c WHERE c.organization_id = $1 ORDER BY c.name_key`,
    [orgId],
  )) as { id: string; primary_peer_id: string }[];
  for (const [i, client] of clients.entries()) {
    for (let g = 0; g < 1 + (i % 3); g++) {
      const [domain, description] = GOALS[(i + g) % GOALS.length];
      const achieved = (i + g) % 4 === 0;
      const created = new Date(Date.now() - (120 - g * 15) * 86_400_000);
      const [{ id }] = (await em.query(
        `INSERT INTO goals (organization_id, client_id, domain, description, target_date, status, achieved_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          orgId,
          client.id,
          domain,
          description,
          localDate(created.getTime() + 150 * 86_400_000, DEFAULT_TIME_ZONE),
          achieved ? 'achieved' : 'active',
          achieved ? new Date(Date.now() - (10 + i) * 86_400_000) : null,
          client.primary_peer_id,
          created,
        ],
      )) as { id: string }[];
      await em.query(
        `INSERT INTO goal_progress_notes (organization_id, goal_id, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [
          orgId,
          id,
          client.primary_peer_id,
          'Progress (demo): took the first step this month.',
          new Date(created.getTime() + 20 * 86_400_000),
        ],
      );
    }
    for (let n = 0; n < 2 + (i % 2); n++) {
      const items = Array.from({ length: 10 }, (_, k) => Math.min(6, 2 + ((i + k) % 3) + n));
      await em.query(
        `INSERT INTO assessments (organization_id, client_id, instrument, items, total, taken_at, recorded_by)
         VALUES ($1, $2, 'barc10', $3, $4, $5, $6)`,
        [
          orgId,
          client.id,
          items,
          barc10Total(items),
          new Date(Date.now() - (150 - n * 60) * 86_400_000),
          client.primary_peer_id,
        ],
      );
    }
  }
}
