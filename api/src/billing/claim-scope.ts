import { ScopePolicy } from '../access/scope';

/**
 * Whose claim lines a caller reads (`billing:read`): a peer the lines they render, a manager the
 * lines of their programs' clients (contacts) and groups (sessions).
 */
export const CONTACT_CLAIM_SCOPE: ScopePolicy = {
  self: (actor, k) => ({ sql: `${k}.authorId = :claimPeer`, params: { claimPeer: actor.userId } }),
  program: (actor) => ({
    sql: `c.programId = ANY(CAST(:claimPrograms AS uuid[]))`,
    params: { claimPrograms: actor.programIds },
  }),
};

export const SESSION_CLAIM_SCOPE: ScopePolicy = {
  self: (actor, s) => ({ sql: `${s}.facilitatorId = :claimPeer`, params: { claimPeer: actor.userId } }),
  program: (actor) => ({
    sql: `g.programId = ANY(CAST(:claimPrograms AS uuid[]))`,
    params: { claimPrograms: actor.programIds },
  }),
};
