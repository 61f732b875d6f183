import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CaseloadReport } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { toParams } from '../core/page';

export const CASELOAD_REPORT_URL = '/api/reports/caseloads';
export const CASELOAD_REPORT_CSV_URL = '/api/reports/caseloads.csv';

/** A report period: ISO 8601 instants, `to` exclusive. */
export interface ReportPeriod {
  from?: string;
  to?: string;
}

/** GET /api/reports/caseloads (JSON) and the address of the same figures as CSV. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  caseloads(period: ReportPeriod = {}): Promise<CaseloadReport> {
    return firstValueFrom(
      this.http.get<CaseloadReport>(CASELOAD_REPORT_URL, { params: toParams({ ...period }) }),
    );
  }

  /** A plain link (the browser downloads it with the session cookie); the server audits the read. */
  csvUrl(period: ReportPeriod = {}): string {
    const query = toParams({ ...period }).toString();
    return query ? `${CASELOAD_REPORT_CSV_URL}?${query}` : CASELOAD_REPORT_CSV_URL;
  }
}
