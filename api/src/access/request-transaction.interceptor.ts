import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { Request, Response } from 'express';
import { Connection, PoolClient, QueryResult } from 'pg';
import { firstValueFrom, from, Observable, defaultIfEmpty } from 'rxjs';
import { AuditService, META_KEY } from '../audit/audit.service';
import type { BillingProfile } from '@peerpath/contracts';
import { Actor, ACTOR_KEY, RequestMeta, StaffSession } from './actor';
import { refusalRecord, uuidParam } from './refusal';
import { NotFound } from '../common/errors';
import { problem } from '../common/problem';
import { APP_CONFIG, AppConfig } from '../config';
import { ReportGate } from './report-gate';

/** Per sort or hash of a report's statement; reports run at most REPORT_CONCURRENCY at a time. */
const REPORT_WORK_MEM = '32MB';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of pg's (untyped) protocol connection a cancel request needs. */
interface CancelConnection {
  on(event: 'connect' | 'end' | 'error', listener: () => void): void;
  connect(portOrPath: number | string, host?: string): void;
  cancel(processID: number, secretKey: number): void;
}

interface ActorRow {
  programs: string[];
  emergency: string[];
  time_zone: string;
  billing_profile: BillingProfile;
}

/**
 * A signed-in request's database work runs in one transaction whose first statement pins the
 * caller's organization with SET LOCAL semantics, so row-level security applies to every query
 * and a pooled connection never carries the setting into another request. The same round trip
 * sets the statement timeout and loads the caller's programs; a client that goes away cancels
 * the query it was waiting for; reports wait at a gate so they never hold the whole pool.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  private readonly reports: ReportGate;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.reports = new ReportGate(
      config.reportConcurrency,
      8 * config.reportConcurrency,
      config.statementTimeoutMs,
    );
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    this.cls.set<RequestMeta>(META_KEY, { ip: req.ip ?? null, requestId: String(req.id ?? '') || null });
    const session = req.session?.staff;
    if (!session) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.gated(req, res, session, next));
  }

  private async gated(
    req: Request,
    res: Response,
    session: StaffSession,
    next: CallHandler,
  ): Promise<unknown> {
    const leave = req.path.startsWith('/api/reports/') ? await this.reports.enter() : null;
    try {
      // A caller who gave up while waiting at the gate gets no work done for them.
      if (res.closed) throw new ServiceUnavailableException(problem(503, 'The request was abandoned.'));
      return await this.run(req, res, session, next, leave !== null);
    } finally {
      leave?.();
    }
  }

  private async run(
    req: Request,
    res: Response,
    session: StaffSession,
    next: CallHandler,
    report: boolean,
  ): Promise<unknown> {
    try {
      return await this.txHost.withTransaction(async () => {
        const connection = (this.txHost.tx.queryRunner as unknown as { databaseConnection: PoolClient })
          .databaseConnection;
        const row = await this.pin(connection, session, report);
        const stopWatching = this.cancelOnDisconnect(res, connection);
        const actor: Actor = {
          ...session,
          programIds: row.programs,
          emergencyClientIds: row.emergency,
          sessionId: req.sessionID,
          clinic: { timeZone: row.time_zone, billingProfile: row.billing_profile },
        };
        this.cls.set(ACTOR_KEY, actor);
        try {
          return await firstValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
        } finally {
          await stopWatching();
        }
      });
    } catch (error) {
      if (isRefusal(error)) {
        // The request's own work rolled back; the refusal is kept in a transaction of its own.
        await this.audit.recordStandalone(refusalRecord(req, session, refusedClient(req, error)));
      }
      throw error;
    }
  }

  /**
   * One round trip (two statements in the simple protocol, run in order): pin the organization,
   * the user and the statement timeout for this transaction (and JIT off: compiling a report's
   * plan cost more than running it; a report, of which only REPORT_CONCURRENCY run at once, sorts
   * its period's rows in memory instead of on disk), then load the caller's programs,
   * live emergency grants and clinic settings. The values are the session's own ids, checked to be
   * UUIDs, and a number, so writing them into the text is safe.
   */
  private async pin(connection: PoolClient, session: StaffSession, report: boolean): Promise<ActorRow> {
    const { organizationId: org, userId: user } = session;
    if (!UUID.test(org) || !UUID.test(user)) throw new Error('The session does not hold valid ids.');
    const results = (await connection.query(
      `SELECT set_config('app.organization_id', '${org}', true), set_config('app.user_id', '${user}', true),
              set_config('statement_timeout', '${Math.floor(this.config.statementTimeoutMs)}', true),
              set_config('jit', 'off', true)${report ? `, set_config('work_mem', '${REPORT_WORK_MEM}', true)` : ''};
       SELECT (SELECT coalesce(array_agg(program_id), '{}') FROM program_memberships WHERE user_id = '${user}') AS programs,
              (SELECT coalesce(array_agg(DISTINCT client_id), '{}') FROM emergency_access
                WHERE user_id = '${user}' AND expires_at > now()) AS emergency,
              o.time_zone, o.billing_profile
         FROM organizations o WHERE o.id = '${org}'`,
    )) as unknown as QueryResult<ActorRow>[];
    return results[1].rows[0];
  }

  /**
   * A client that disconnects before its answer cancels the statement running for it (PostgreSQL's
   * cancel request, on a connection of its own). The transaction keeps its connection until the
   * cancel has been delivered, so it can never reach a later request's statement.
   */
  private cancelOnDisconnect(res: Response, connection: PoolClient): () => Promise<void> {
    let sent: Promise<void> | null = null;
    const onClose = () => {
      if (res.writableFinished || sent) return;
      const target = connection as unknown as {
        host: string;
        port: number;
        processID: number;
        secretKey: number;
      };
      sent = new Promise<void>((resolve) => {
        const cancel = new Connection() as unknown as CancelConnection;
        const done = () => resolve();
        cancel.on('connect', () => cancel.cancel(target.processID, target.secretKey));
        cancel.on('end', done);
        cancel.on('error', done);
        if (target.host.startsWith('/')) cancel.connect(`${target.host}/.s.PGSQL.${target.port}`);
        else cancel.connect(target.port, target.host);
      });
    };
    res.on('close', onClose);
    return async () => {
      res.off('close', onClose);
      await sent;
    };
  }
}

/** Refusals are audited: forbidden, out of scope, and a disclosure blocked for want of consent. */
function isRefusal(error: unknown): error is HttpException {
  if (!(error instanceof HttpException)) return false;
  const status = error.getStatus();
  const type = (error.getResponse() as { type?: unknown }).type;
  return status === 403 || status === 404 || (status === 409 && String(type).endsWith('/consent-required'));
}

/** The client a refused request was about: from the error, or from a /clients/:id/… path. */
function refusedClient(req: Request, error: HttpException): string | null {
  if (error instanceof NotFound && error.clientId) return error.clientId;
  return String(req.route?.path ?? '').startsWith('/api/clients/:id') ? uuidParam(req) : null;
}
