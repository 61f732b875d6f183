import { ScopePolicy } from '../access/scope';

/** Handoffs belong to a program: its peers and managers reach them, nobody else. */
export const HANDOFF_SCOPE: ScopePolicy = {
  program: (actor, h) => ({
    sql: `${h}.programId = ANY(CAST(:actorPrograms AS uuid[]))`,
    params: { actorPrograms: actor.programIds },
  }),
};
