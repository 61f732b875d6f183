import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** Server-side sessions live in user_sessions (connect-pg-simple), shared by every API process. */
@Injectable()
export class SessionsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Ends every live session of a staff member at once (deactivation, role change). */
  async endAllFor(userId: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM user_sessions WHERE sess -> 'staff' ->> 'userId' = $1`, [userId]);
  }
}
