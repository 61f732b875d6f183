import { ScopePolicy } from '../access/scope';

/** Which clients a caller reaches (PRODUCT.md §2): their caseload, or their programs' clients. */
export const CLIENT_SCOPE: ScopePolicy = {
  caseload: (actor, c) => ({
    sql: `${c}.primaryPeerId = :caseloadPeer`,
    params: { caseloadPeer: actor.userId },
  }),
  program: (actor, c) => ({
    sql: `${c}.programId = ANY(CAST(:actorPrograms AS uuid[]))`,
    params: { actorPrograms: actor.programIds },
  }),
};

/** Case- and accent-insensitive key of a name, for duplicate checks and search. */
export function nameKey(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
