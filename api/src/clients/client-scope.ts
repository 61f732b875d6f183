import { Permission } from '@peerpath/contracts';
import { ScopePolicy } from '../access/scope';

/**
 * Which clients a caller reaches (PRODUCT.md §2): their caseload, or their programs' clients —
 * plus, for reading only, a client opened to them by a live emergency-access grant.
 */
export const CLIENT_SCOPE: ScopePolicy = {
  caseload: (actor, c, permission) => ({
    sql: `(${c}.primaryPeerId = :caseloadPeer${emergency(c, permission)})`,
    params: { caseloadPeer: actor.userId, emergencyClients: actor.emergencyClientIds },
  }),
  program: (actor, c, permission) => ({
    sql: `(${c}.programId = ANY(CAST(:actorPrograms AS uuid[]))${emergency(c, permission)})`,
    params: { actorPrograms: actor.programIds, emergencyClients: actor.emergencyClientIds },
  }),
};

function emergency(c: string, permission: Permission): string {
  return permission.endsWith(':read') ? ` OR ${c}.id = ANY(CAST(:emergencyClients AS uuid[]))` : '';
}

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
