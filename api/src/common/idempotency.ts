import { BadRequestException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Actor } from '../access/actor';
import { ConflictProblem } from './errors';
import { problem } from './problem';

/**
 * `Idempotency-Key` on a create: the first request claims the key inside its own transaction, a
 * repeat gets the first response back and creates nothing. A concurrent repeat waits on the claim.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async once<T extends object>(
    actor: Actor,
    key: string | undefined,
    route: string,
    create: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined) return create();
    if (!/^[\w\-:.]{1,200}$/.test(key)) {
      const message = 'Idempotency-Key must be 1–200 letters, digits, dashes, colons or dots';
      throw new BadRequestException(
        problem(400, message, { errors: [{ field: 'Idempotency-Key', message }] }),
      );
    }
    const tx = this.txHost.tx;
    const claimed = (await tx.query(
      `INSERT INTO idempotency_keys (organization_id, user_id, key, route, status, body)
       VALUES ($1, $2, $3, $4, 0, '{}') ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [actor.organizationId, actor.userId, key, route],
    )) as unknown[];
    if (!claimed.length) {
      const [first] = (await tx.query(
        `SELECT route, body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [actor.userId, key],
      )) as { route: string; body: T }[];
      if (first?.route !== route) {
        throw new ConflictProblem(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for another request.',
        );
      }
      return first.body;
    }
    const result = await create();
    await tx.query(`UPDATE idempotency_keys SET status = 201, body = $3 WHERE user_id = $1 AND key = $2`, [
      actor.userId,
      key,
      JSON.stringify(result),
    ]);
    return result;
  }
}
