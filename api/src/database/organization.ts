import { EntityManager } from 'typeorm';

/**
 * Pins the transaction to one organization: row-level security reads this setting, and `true`
 * makes it local to the transaction, so a pooled connection never carries it further.
 */
export async function pinOrganization(em: EntityManager, organizationId: string): Promise<void> {
  await em.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
}
