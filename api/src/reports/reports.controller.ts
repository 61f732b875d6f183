import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseloadReport, OutcomesReport, PeerCaseloadFigures } from '@peerpath/contracts';
import { toCsv } from '../common/csv';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { CaseloadReportService } from './caseload-report.service';
import { OutcomesReportService } from './outcomes-report.service';
import { ReportQuery } from './reports.dto';

/** The CSV carries exactly the JSON figures (the weekly trend stays in the JSON). */
export const CASELOAD_CSV_COLUMNS = [
  'peerId',
  'peerName',
  'activeClients',
  'newClients',
  'dischargedClients',
  'successfulContactsPerWeek',
  'contactedLast14DaysShare',
  'overdueClients',
  'openReferrals',
  'overdueReferrals',
  'referralCompletionRate',
  'groupAttendanceRate',
  'h0038UnitsPerWeek',
  'h0038HqUnitsPerWeek',
  'caseloadLimit',
  'caseloadRatio',
] as const satisfies readonly (keyof PeerCaseloadFigures)[];

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly caseloads: CaseloadReportService,
    private readonly outcomes: OutcomesReportService,
  ) {}

  @Get('outcomes')
  @Allow('reports:read')
  outcomesReport(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<OutcomesReport> {
    return this.outcomes.report(actor, query);
  }

  @Get('caseloads')
  @Allow('reports:read')
  caseloadReport(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<CaseloadReport> {
    return this.caseloads.report(actor, query);
  }

  @Get('caseloads.csv')
  @Allow('reports:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="caseload-report.csv"')
  async caseloadCsv(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<StreamableFile> {
    const report = await this.caseloads.report(actor, query);
    const csv = toCsv(CASELOAD_CSV_COLUMNS, report.peers);
    return new StreamableFile(Buffer.from(csv, 'utf8'));
  }
}
