import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  inject,
  input,
  type OnInit,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { can, type Consent, type Referral, REDISCLOSURE_NOTICE, type Resource } from '@peerpath/contracts';
import { ConsentsApi } from '../consents/consents-api.service';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import { needLabel, recipientOf, STATUS_LABELS, URGENCY_LABELS } from './referral-display';
import { ReferralsApi } from './referrals-api.service';

export const REDISCLOSURE_HEADING = 'Notice of prohibition on redisclosure';

/**
 * A printable referral summary. When the referral shares client information, it carries the
 * 42 CFR 2.32 notice prohibiting redisclosure. Printing hides the app's toolbar and navigation.
 */
@Component({
  selector: 'pp-referral-summary-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './referral-summary-page.html',
  styleUrl: './referral-summary-page.scss',
  // Unencapsulated so the print rules can hide the shell around the page; every rule is scoped.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralSummaryPage implements OnInit {
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  private readonly referrals = inject(ReferralsApi);
  private readonly resources = inject(ResourcesApi);
  private readonly consents = inject(ConsentsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly user = inject(AuthService).user;

  protected readonly referral = signal<Referral | null>(null);
  protected readonly resource = signal<Resource | null>(null);
  protected readonly consent = signal<Consent | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly printedOn = new Date();

  protected readonly notice = REDISCLOSURE_NOTICE;
  protected readonly noticeHeading = REDISCLOSURE_HEADING;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly recipient = computed(() => {
    const r = this.referral();
    return r ? recipientOf(r) : '';
  });
  protected readonly shared = computed(() => this.referral()?.shareInformation === true);

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const referral = await this.referrals.get(this.id());
      this.referral.set(referral);
      await Promise.allSettled([this.loadResource(referral), this.loadConsent(referral)]);
    } catch (error) {
      const problem = readProblem(error, 'The referral could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    } finally {
      this.loading.set(false);
    }
  }

  private async loadResource(referral: Referral): Promise<void> {
    if (referral.resourceId) this.resource.set(await this.resources.get(referral.resourceId));
  }

  private async loadConsent(referral: Referral): Promise<void> {
    if (!referral.consentId || !can(this.user()?.role, 'consents:read')) return;
    const consents = await this.consents.list(referral.clientId);
    this.consent.set(consents.find((c) => c.id === referral.consentId) ?? null);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
