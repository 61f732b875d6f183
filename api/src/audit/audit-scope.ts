import { ScopePolicy } from '../access/scope';

/**
 * Managers answer for their programs: events by staff of those programs and events about clients
 * enrolled in them. Admins see the whole organization.
 */
export const AUDIT_SCOPE: ScopePolicy = {
  program: (actor, e) => ({
    sql: `(${e}.actorId IN (SELECT m.user_id FROM program_memberships m WHERE m.program_id = ANY(CAST(:actorPrograms AS uuid[])))
       OR ${e}.clientId IN (SELECT cl.id FROM clients cl WHERE cl.program_id = ANY(CAST(:actorPrograms AS uuid[]))))`,
    params: { actorPrograms: actor.programIds },
  }),
  org: () => ({ sql: 'true' }),
};
