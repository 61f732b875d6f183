import { ScopePolicy } from '../access/scope';

/** Who a caller may see among staff accounts, per PRODUCT.md §2 ("read self", "read program staff"). */
export const STAFF_SCOPE: ScopePolicy = {
  self: (actor, u) => ({ sql: `${u}.id = :selfId`, params: { selfId: actor.userId } }),
  program: (actor, u) => ({
    sql: `${u}.id IN (SELECT m.user_id FROM program_memberships m WHERE m.program_id = ANY(CAST(:actorPrograms AS uuid[])))`,
    params: { actorPrograms: actor.programIds },
  }),
  org: () => ({ sql: 'true' }),
};
