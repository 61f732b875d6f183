import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiThrottleGuard } from './access/throttle.guard';
import { RequestCounters } from './access/request-counters';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { AccessGuard } from './access/access.guard';
import { RequestTransactionInterceptor } from './access/request-transaction.interceptor';
import { AuditController } from './audit/audit.controller';
import { AuditService, META_KEY } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LocalStrategy } from './auth/local.strategy';
import { SessionsService } from './auth/sessions.service';
import { SignInThrottle } from './auth/sign-in-throttle';
import { ProblemFilter } from './common/problem.filter';
import { APP_CONFIG, AppConfig } from './config';
import { DatabaseModule, DB_POOL } from './database/database.module';
import { HealthController } from './health/health.controller';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsService } from './programs/programs.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { logOptions } from './logging';
import { CaseloadController } from './caseload/caseload.controller';
import { CaseloadService } from './caseload/caseload.service';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { TimelineService } from './clients/timeline.service';
import { Idempotency } from './common/idempotency';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { ClientAttendanceController, SessionAttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { ClientAttendanceService } from './attendance/client-attendance.service';
import { CommunityMeetingsService } from './attendance/community-meetings.service';
import { RatesService } from './attendance/rates.service';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { MembersService } from './groups/members.service';
import { RosterService } from './groups/roster.service';
import { GroupSessionsService } from './groups/sessions.service';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsService } from './consents/consents.service';
import { DisclosuresService } from './consents/disclosures.service';
import { ReferralsController } from './referrals/referrals.controller';
import { HandoffsController } from './handoffs/handoffs.controller';
import { HandoffsService } from './handoffs/handoffs.service';
import { RecipientAnswersController } from './recipient-links/recipient-answers.controller';
import { RecipientAnswersService } from './recipient-links/recipient-answers.service';
import { RecipientLinksController } from './recipient-links/recipient-links.controller';
import { RecipientLinksService } from './recipient-links/recipient-links.service';
import { RecipientLinkLimits } from './recipient-links/recipient-link-limits';
import { ReferralsService } from './referrals/referrals.service';
import { ReferralPacketService } from './referrals/referral-packet.service';
import { ResourcesController } from './resources/resources.controller';
import { ResourcesService } from './resources/resources.service';
import { AuditLogService } from './audit/audit-log.service';
import { BillingController } from './billing/billing.controller';
import { BillingService } from './billing/billing.service';
import { CaseloadReportService } from './reports/caseload-report.service';
import { ReportsController } from './reports/reports.controller';
import { OutcomesReportService } from './reports/outcomes-report.service';
import { RecoveryController } from './recovery/recovery.controller';
import { RecoveryService } from './recovery/recovery.service';
import { ClinicalNotesController } from './clinical-notes/clinical-notes.controller';
import { ClinicalNotesService } from './clinical-notes/clinical-notes.service';
import { DocumentationReviewController } from './documentation-review/documentation-review.controller';
import { DocumentationReviewService } from './documentation-review/documentation-review.service';
import { EmergencyAccessController } from './emergency-access/emergency-access.controller';
import { EmergencyAccessService } from './emergency-access/emergency-access.service';
import { ClinicClock } from './organizations/clinic-clock';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
    return {
      module: AppModule,
      imports: [
        configModule,
        LoggerModule.forRoot(logOptions(config)),
        DatabaseModule,
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: Request) => String(req.id ?? randomUUID()),
            setup: (cls, req: Request) => cls.set(META_KEY, { ip: req.ip ?? null, requestId: cls.getId() }),
          },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        PassportModule,
        ThrottlerModule.forRootAsync({
          inject: [DB_POOL],
          useFactory: (pool: Pool) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.requestsPerMinute }],
            storage: new RequestCounters(pool),
          }),
        }),
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        ProgramsController,
        AuditController,
        ClientsController,
        ContactsController,
        CaseloadController,
        GroupsController,
        SessionAttendanceController,
        ClientAttendanceController,
        ResourcesController,
        ReferralsController,
        HandoffsController,
        RecipientLinksController,
        RecipientAnswersController,
        ConsentsController,
        ClinicalNotesController,
        EmergencyAccessController,
        DocumentationReviewController,
        ReportsController,
        RecoveryController,
        OrganizationsController,
        BillingController,
      ],
      providers: [
        AuditService,
        AuthService,
        LocalStrategy,
        SessionsService,
        SignInThrottle,
        UsersService,
        ProgramsService,
        ClientsService,
        ContactsService,
        TimelineService,
        CaseloadService,
        Idempotency,
        GroupsService,
        MembersService,
        RosterService,
        GroupSessionsService,
        AttendanceService,
        ClientAttendanceService,
        CommunityMeetingsService,
        RatesService,
        ResourcesService,
        ReferralsService,
        HandoffsService,
        RecipientLinksService,
        RecipientAnswersService,
        RecipientLinkLimits,
        ReferralPacketService,
        ConsentsService,
        DisclosuresService,
        AuditLogService,
        ClinicalNotesService,
        EmergencyAccessService,
        DocumentationReviewService,
        CaseloadReportService,
        OutcomesReportService,
        RecoveryService,
        ClinicClock,
        OrganizationsService,
        BillingService,
        { provide: APP_GUARD, useClass: ApiThrottleGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
