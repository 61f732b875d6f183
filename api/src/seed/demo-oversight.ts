import { EntityManager } from 'typeorm';

const NOTES: [string, string][] = [
  ['assessment', 'Demo clinical note (fake): intake assessment; moderate OUD, stable on buprenorphine.'],
  ['progress', 'Demo clinical note (fake): attending groups, reports fewer cravings, sleep improving.'],
  ['treatment_plan_review', 'Demo clinical note (fake): plan reviewed; goals on housing and work kept.'],
];

/**
 * Clinical notes by the clinic's clinician, a few documentation reviews, and one emergency access
 * waiting for a manager's review, so the oversight screens show real work on first start.
 */
export async function seedOversight(em: EntityManager, orgId: string): Promise<void> {
  const [clinician] = (await em.query(
    `SELECT id FROM users WHERE organization_id = $1 AND role = 'clinician' LIMIT 1`,
    [orgId],
  )) as { id: string }[];
  const [manager] = (await em.query(
    `SELECT id FROM users WHERE organization_id = $1 AND role = 'manager' LIMIT 1`,
    [orgId],
  )) as { id: string }[];
  const peers = (await em.query(
    `SELECT id FROM users WHERE organization_id = $1 AND role = 'peer' ORDER BY email`,
    [orgId],
  )) as { id: string }[];
  if (clinician) {
    const clients = (await em.query(
      `SELECT id FROM clients WHERE organization_id = $1 ORDER BY name_key LIMIT 8`,
      [orgId],
    )) as { id: string }[];
    for (const [i, { id }] of clients.entries()) {
      for (const [n, [type, body]] of NOTES.slice(0, 1 + (i % 3)).entries()) {
        const at = new Date(Date.now() - (60 - n * 20 - i) * 86_400_000);
        await em.query(
          `INSERT INTO clinical_notes (organization_id, client_id, author_id, note_type, body, signed_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [orgId, id, clinician.id, type, body, at, at],
        );
      }
    }
  }
  if (manager) {
    const reviewed = (await em.query(
      `SELECT k.id FROM contacts k JOIN users u ON u.id = k.author_id
        WHERE k.organization_id = $1 AND u.role = 'peer' AND k.signed_at IS NOT NULL
          AND k.occurred_at > now() - interval '30 days'
        ORDER BY k.occurred_at DESC LIMIT 6`,
      [orgId],
    )) as { id: string }[];
    for (const { id } of reviewed) {
      await em.query(
        `INSERT INTO contact_reviews (organization_id, contact_id, reviewer_id, comment) VALUES ($1, $2, $3, $4)`,
        [orgId, id, manager.id, 'Clear and complete (demo review).'],
      );
    }
  }
  if (peers.length >= 2) {
    const [client] = (await em.query(
      `SELECT id FROM clients WHERE primary_peer_id = $1 ORDER BY name_key DESC LIMIT 1`,
      [peers[0].id],
    )) as { id: string }[];
    const granted = new Date(Date.now() - 2 * 86_400_000);
    await em.query(
      `INSERT INTO emergency_access (organization_id, user_id, client_id, reason, granted_at, expires_at)
       VALUES ($1, $2, $3, 'Client arrived in crisis while their peer was away (demo).', $4, $5)`,
      [orgId, peers[1].id, client.id, granted, new Date(granted.getTime() + 3600_000)],
    );
  }
}
