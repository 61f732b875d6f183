import { ScopePolicy } from '../access/scope';

/**
 * Managers answer for their programs: events by staff of those programs. Admins see the whole
 * organization. (Client-linked events join this rule once clients exist.)
 */
export const AUDIT_SCOPE: ScopePolicy = {
  program: (actor, e) => ({
    sql: `${e}.actorId IN (SELECT m.user_id FROM program_memberships m WHERE m.program_id = ANY(CAST(:actorPrograms AS uuid[])))`,
    params: { actorPrograms: actor.programIds },
  }),
  org: () => ({ sql: 'true' }),
};
