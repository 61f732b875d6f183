import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type Need,
  NEEDS,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralStatus,
  type Resource,
} from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import { dayAfter, needLabel, recipientOf, STATUS_LABELS } from './referral-display';
import { type ReferralQuery, referralExportUrl, ReferralsApi } from './referrals-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface HistoryFilters {
  need: Need | '';
  status: ReferralStatus | '';
  resourceId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

export const NO_FILTERS: HistoryFilters = { need: '', status: '', resourceId: '', from: '', to: '' };

/** The API query for the filters; the date range is inclusive of both days. */
export function historyQuery(f: HistoryFilters): ReferralQuery {
  return {
    need: f.need || null,
    status: f.status || null,
    resourceId: f.resourceId || null,
    from: f.from || null,
    to: f.to ? dayAfter(f.to) : null,
  };
}

/** Referral history across the caller's scope (program for clinicians and managers), with CSV export. */
@Component({
  selector: 'pp-referral-history',
  imports: [
    ProblemMessage,
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './referral-history.html',
  styleUrl: './referral-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralHistory implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly resourcesApi = inject(ResourcesApi);

  protected readonly needs = NEEDS;
  protected readonly statuses = REFERRAL_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly recipient = recipientOf;

  protected readonly filters = signal<HistoryFilters>({ ...NO_FILTERS });
  protected readonly resources = signal<Resource[]>([]);
  protected readonly referrals = signal<Referral[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly exportUrl = computed(() => referralExportUrl(historyQuery(this.filters())));
  protected readonly filtered = computed(() => Object.values(this.filters()).some(Boolean));
  private request = 0;

  ngOnInit(): void {
    void this.load();
    this.resourcesApi.listAll().then(
      (resources) => this.resources.set(resources),
      () => undefined, // the resource filter just stays empty
    );
  }

  protected set<K extends keyof HistoryFilters>(key: K, value: HistoryFilters[K]): void {
    this.filters.update((f) => ({ ...f, [key]: value ?? '' }));
    void this.load();
  }

  protected clear(): void {
    this.filters.set({ ...NO_FILTERS });
    void this.load();
  }

  protected async load(more = false): Promise<void> {
    const f = this.filters();
    if (f.from && f.to && f.from > f.to) {
      this.error.set('The “From” date is after the “To” date.');
      return;
    }
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(historyQuery(f), more ? this.nextCursor() : null);
      if (request !== this.request) return;
      this.referrals.update((items) => (more ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      if (request === this.request)
        this.error.set(readProblem(error, 'Referral history could not be loaded.').message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
