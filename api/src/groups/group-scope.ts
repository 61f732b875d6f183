import { ScopePolicy } from '../access/scope';

const inPrograms: ScopePolicy['program'] = (actor, alias) => ({
  sql: `${alias}.programId = ANY(CAST(:actorPrograms AS uuid[]))`,
  params: { actorPrograms: actor.programIds },
});

/** Which groups a caller reaches: the program's groups, or those they facilitate in their programs. */
export const GROUP_SCOPE: ScopePolicy = {
  facilitator: (actor, g) => ({
    sql: `${g}.programId = ANY(CAST(:actorPrograms AS uuid[]))
      AND EXISTS (SELECT 1 FROM group_facilitators gf WHERE gf.group_id = ${g}.id AND gf.user_id = :facilitator)`,
    params: { actorPrograms: actor.programIds, facilitator: actor.userId },
  }),
  program: inPrograms,
};

/**
 * Which clients a caller may name at a group's door: a facilitator reaches the clients of the
 * programs whose groups they facilitate (shown by display name only), a manager their programs'.
 */
export const GROUP_CLIENT_SCOPE: ScopePolicy = {
  facilitator: (actor, c) => ({
    sql: `${c}.programId IN (
      SELECT fg.program_id FROM groups fg JOIN group_facilitators ff ON ff.group_id = fg.id
       WHERE ff.user_id = :facilitator AND fg.program_id = ANY(CAST(:actorPrograms AS uuid[])))`,
    params: { actorPrograms: actor.programIds, facilitator: actor.userId },
  }),
  program: inPrograms,
};
