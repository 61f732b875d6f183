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
  const { sql, params } = scopeCondition(actor, permission, policy, alias);
  return qb.andWhere(new Brackets((w) => w.where(sql, params)));
}

/**
 * The same policy as `applyScope`, as one SQL condition on `alias`: for a join that must reveal a
 * record's details only when the caller could read it (the audit log naming clients, say).
 */
export function scopeCondition(
  actor: Actor,
  permission: Permission,
  policy: ScopePolicy,
  alias: string,
): { sql: string; params: ObjectLiteral } {
  const scope = scopeOf(actor.role, permission);
  const rule = scope ? policy[scope] : undefined;
  const org = `${alias}.organizationId = :scopeOrg`;
  if (!rule) return { sql: '1 = 0', params: {} };
  const { sql, params } = rule(actor, alias, permission);
  return { sql: `(${org} AND (${sql}))`, params: { ...params, scopeOrg: actor.organizationId } };
}
