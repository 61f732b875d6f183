import { Permission, Scope, scopeOf } from '@peerpath/contracts';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from './actor';

/**
 * How one resource narrows a query to each scope. A scope the policy leaves out matches nothing,
 * so an empty policy denies everything.
 */
export type ScopePolicy = Partial<
  Record<
    Scope,
    (actor: Actor, alias: string, permission: Permission) => { sql: string; params?: ObjectLiteral }
  >
>;

export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  permission: Permission,
  policy: ScopePolicy,
  alias: string = qb.alias,
): SelectQueryBuilder<T> {
  const scope = scopeOf(actor.role, permission);
  const rule = scope ? policy[scope] : undefined;
  qb.andWhere(`${alias}.organizationId = :scopeOrg`, { scopeOrg: actor.organizationId });
  if (!rule) return qb.andWhere('1 = 0');
  const { sql, params } = rule(actor, alias, permission);
  return qb.andWhere(new Brackets((w) => w.where(sql, params)));
}
