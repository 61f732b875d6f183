import { ForbiddenException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EMERGENCY_ACCESS_MINUTES, EmergencyAccessGrant } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { verifyPassword } from '../auth/passwords';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { problem } from '../common/problem';
import { EmergencyAccessQuery, RequestEmergencyAccessDto } from './emergency-access.dto';

interface GrantRow {
  id: string;
  user_id: string;
  user_name: string;
  client_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_comment: string | null;
}

const GRANT_COLUMNS = `g.id, g.user_id, u.name AS user_name, g.client_id, g.reason, g.granted_at, g.expires_at,
  g.reviewed_at, g.reviewed_by, g.review_comment`;

/**
 * Break the glass: a peer or clinician opens one client outside their scope, inside their own
 * organization, by re-entering their password and giving a reason. It lasts 60 minutes, reads only,
 * every access during it is audited as emergency access, and managers review every grant.
 */
@Injectable()
export class EmergencyAccessService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly throttle: SignInThrottle,
  ) {}

  async request(
    actor: Actor,
    clientId: string,
    dto: RequestEmergencyAccessDto,
    ip: string,
  ): Promise<EmergencyAccessGrant> {
    const tx = this.txHost.tx;
    const exists = (await tx.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId])) as unknown[];
    if (!exists.length) throw new NotFound('client', clientId);
    const inScope = await this.clients
      .scoped(actor, 'clients:read')
      .andWhere('c.id = :clientId', { clientId })
      .getExists();
    if (inScope)
      throw new ConflictProblem(
        'not-needed',
        'You can already open this client; no emergency access is needed.',
      );
    const [me] = (await tx.query(`SELECT email, password_hash FROM users WHERE id = $1`, [actor.userId])) as {
      email: string;
      password_hash: string;
    }[];
    await this.throttle.assertAllowed(me.email, ip);
    if (!(await verifyPassword(me.password_hash, dto.password))) {
      await this.throttle.recordFailure(me.email, ip);
      throw new ForbiddenException(
        problem(403, 'The password is not right; emergency access was not granted.'),
      );
    }
    const [grant] = (await tx.query(
      `INSERT INTO emergency_access (organization_id, user_id, client_id, reason, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING id`,
      [actor.organizationId, actor.userId, clientId, dto.reason.trim(), EMERGENCY_ACCESS_MINUTES],
    )) as { id: string }[];
    await this.audit.record({
      action: 'emergency_access.grant',
      entityType: 'client',
      entityId: clientId,
      clientId,
    });
    return (await this.grants(`g.id = $1`, [grant.id]))[0];
  }

  /** The caller's own live grants, so the web can say plainly that emergency access is on. */
  mine(actor: Actor): Promise<EmergencyAccessGrant[]> {
    return this.grants(`g.user_id = $1 AND g.expires_at > now()`, [actor.userId]);
  }

  /** The manager's review queue: grants on clients of their programs. */
  async list(actor: Actor, query: EmergencyAccessQuery): Promise<EmergencyAccessGrant[]> {
    const state = query.state ?? 'unreviewed';
    const reviewed =
      state === 'all'
        ? ''
        : state === 'reviewed'
          ? 'AND g.reviewed_at IS NOT NULL'
          : 'AND g.reviewed_at IS NULL';
    const rows = await this.grants(
      `g.client_id IN (SELECT id FROM clients WHERE program_id = ANY($1::uuid[])) ${reviewed}`,
      [actor.programIds],
    );
    await this.audit.recordShown(
      { action: 'emergency_access.list', entityType: 'emergency_access' },
      rows.map((g) => g.clientId),
    );
    return rows;
  }

  async review(actor: Actor, id: string, comment: string | undefined): Promise<EmergencyAccessGrant> {
    const [found] = await this.grants(
      `g.id = $1 AND g.client_id IN (SELECT id FROM clients WHERE program_id = ANY($2::uuid[]))`,
      [id, actor.programIds],
    );
    if (!found) throw new NotFound('emergency access');
    if (found.reviewedAt)
      throw new ConflictProblem('already-reviewed', 'This emergency access was already reviewed.');
    // A review is written once: the row is history afterwards (the database refuses a second).
    const [, updated] = (await this.txHost.tx.query(
      `UPDATE emergency_access SET reviewed_by = $2, reviewed_at = now(), review_comment = $3
        WHERE id = $1 AND reviewed_at IS NULL`,
      [id, actor.userId, comment?.trim() || null],
    )) as [unknown[], number];
    if (!updated)
      throw new ConflictProblem('already-reviewed', 'This emergency access was already reviewed.');
    await this.audit.record({
      action: 'emergency_access.review',
      entityType: 'emergency_access',
      entityId: id,
      clientId: found.clientId,
    });
    return (await this.grants(`g.id = $1`, [id]))[0];
  }

  private async grants(where: string, params: unknown[]): Promise<EmergencyAccessGrant[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT ${GRANT_COLUMNS} FROM emergency_access g JOIN users u ON u.id = g.user_id WHERE ${where} ORDER BY g.granted_at DESC`,
      params,
    )) as GrantRow[];
    const now = Date.now();
    return rows.map((g) => ({
      id: g.id,
      userId: g.user_id,
      userName: g.user_name,
      clientId: g.client_id,
      reason: g.reason,
      grantedAt: g.granted_at.toISOString(),
      expiresAt: g.expires_at.toISOString(),
      active: g.expires_at.getTime() > now,
      reviewedAt: g.reviewed_at?.toISOString() ?? null,
      reviewedBy: g.reviewed_by,
      reviewComment: g.review_comment,
    }));
  }
}
