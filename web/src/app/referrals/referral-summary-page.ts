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
import {
  can,
  COVERED_ENTITY_REDISCLOSURE_STATEMENT,
  type Referral,
  type ReferralPacket,
  type Resource,
} from '@peerpath/contracts';
import { elementWords } from '../consents/consent-coverage';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import { RecipientLinkPanel } from './recipient-link-panel';
import { needLabel, URGENCY_LABELS } from './referral-display';
import { ReferralsApi } from './referrals-api.service';

export const REDISCLOSURE_HEADING = 'Notice of prohibition on redisclosure';

/**
 * The printable referral summary is the packet the recipient receives (GET …/packet): only the
 * elements the consent permits, the consent's scope (42 CFR 2.32(b)) and, when client information
 * is shared, Statement 1 of 42 CFR 2.32(a)(1). Printing hides the app's toolbar and navigation.
 */
@Component({
  selector: 'pp-referral-summary-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, RecipientLinkPanel],
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
  private readonly document = inject(DOCUMENT);
  protected readonly user = inject(AuthService).user;

  protected readonly referral = signal<Referral | null>(null);
  protected readonly packet = signal<ReferralPacket | null>(null);
  protected readonly resource = signal<Resource | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly printedOn = new Date();

  protected readonly noticeHeading = REDISCLOSURE_HEADING;
  protected readonly coveredEntityStatement = COVERED_ENTITY_REDISCLOSURE_STATEMENT;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly needLabel = needLabel;
  protected readonly elementWords = elementWords;
  protected readonly shared = computed(() => !!this.packet()?.client);
  protected readonly canWriteLinks = computed(() => can(this.user()?.role, 'referrals:write'));

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [referral, packet] = await Promise.all([
        this.referrals.get(this.id()),
        this.referrals.packet(this.id()),
      ]);
      this.referral.set(referral);
      this.packet.set(packet);
      if (referral.resourceId) {
        await this.resources.get(referral.resourceId).then(
          (r) => this.resource.set(r),
          () => undefined, // contact details are a courtesy; the packet stands without them
        );
      }
    } catch (error) {
      const problem = readProblem(error, 'The referral could not be loaded.');
      if (problem.status === 404) this.notFound.set(true);
      else this.error.set(problem.message);
    } finally {
      this.loading.set(false);
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
