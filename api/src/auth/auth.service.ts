import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser } from '@peerpath/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { StaffSession } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { invalid } from '../common/invalid';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import { pinOrganization } from '../database/organization';

interface SignInRow {
  user_id: string;
  organization_id: string;
  password_hash: string;
  active: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks an email and password. Unknown email, wrong password and deactivated account all answer
   * null after the same amount of work, and each failure is counted and audited.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<StaffSession | null> {
    await this.throttle.assertAllowed(email, ip);
    const [row] = (await this.dataSource.query('SELECT * FROM find_sign_in($1)', [email])) as SignInRow[];
    const matches = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
    if (!row || !matches || !row.active) {
      await this.throttle.recordFailure(email, ip);
      await this.audit.recordStandalone({
        organizationId: row?.organization_id ?? null,
        actorId: row?.user_id ?? null,
        actorRole: null,
        action: 'auth.sign_in',
        entityType: 'session',
        outcome: 'failure',
      });
      return null;
    }
    await this.throttle.recordSuccess(email);
    return this.inOrganization(row.organization_id, async (em) => {
      const user = await em.getRepository(UserEntity).findOneByOrFail({ id: row.user_id });
      return {
        userId: user.id,
        organizationId: user.organizationId,
        role: user.role,
        signedInAt: Date.now(),
        mustChangePassword: user.mustChangePassword,
      };
    });
  }

  /** Stamps and audits a completed sign-in, in one transaction. */
  async recordSignIn(staff: StaffSession): Promise<SessionUser> {
    return this.inOrganization(staff.organizationId, async (em) => {
      // Raw on purpose: a sign-in is not an edit of the staff record, so its version stays.
      await em.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [staff.userId]);
      await this.audit.recordIn(em, {
        organizationId: staff.organizationId,
        actorId: staff.userId,
        actorRole: staff.role,
        action: 'auth.sign_in',
        entityType: 'session',
      });
      return this.sessionUser(em, staff.userId);
    });
  }

  /**
   * Replaces the signed-in staff member's password with one they chose, after checking the current
   * one; clears the duty to change it. Audited.
   */
  async changePassword(em: EntityManager, staff: StaffSession, current: string, next: string): Promise<void> {
    const [row] = (await em.query(`SELECT email, name, password_hash FROM users WHERE id = $1`, [
      staff.userId,
    ])) as { email: string; name: string; password_hash: string }[];
    if (!row || !(await verifyPassword(row.password_hash, current)))
      throw invalid('currentPassword', 'the current password is not right');
    if (next === current) throw invalid('newPassword', 'the new password must differ from the current one');
    const weakness = passwordProblem(next, [row.email, row.name]);
    if (weakness) throw invalid('newPassword', weakness);
    await em.query(`UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1`, [
      staff.userId,
      await hashPassword(next),
    ]);
    await this.audit.record({ action: 'auth.password_change', entityType: 'user', entityId: staff.userId });
  }

  async recordSignOut(staff: StaffSession): Promise<void> {
    await this.audit.recordStandalone({
      organizationId: staff.organizationId,
      actorId: staff.userId,
      actorRole: staff.role,
      action: 'auth.sign_out',
      entityType: 'session',
    });
  }

  async sessionUser(em: EntityManager, userId: string): Promise<SessionUser> {
    const [row] = (await em.query(
      `SELECT u.id, u.email, u.name, u.role, u.organization_id, u.must_change_password,
              o.name AS organization_name, o.time_zone,
              o.billing_profile,
              COALESCE(array_agg(m.program_id) FILTER (WHERE m.program_id IS NOT NULL), '{}') AS program_ids
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN program_memberships m ON m.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id, o.name, o.time_zone, o.billing_profile`,
      [userId],
    )) as {
      id: string;
      email: string;
      name: string;
      role: SessionUser['role'];
      organization_id: string;
      must_change_password: boolean;
      organization_name: string;
      time_zone: string;
      billing_profile: SessionUser['billingProfile'];
      program_ids: string[];
    }[];
    if (!row) throw new Error('signed-in user not found');
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      timeZone: row.time_zone,
      billingProfile: row.billing_profile,
      programIds: row.program_ids,
      mustChangePassword: row.must_change_password,
    };
  }

  private inOrganization<T>(organizationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await pinOrganization(em, organizationId);
      return work(em);
    });
  }
}
