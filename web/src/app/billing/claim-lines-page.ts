import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { addDays, CLAIM_PROBLEM_LABELS, type ClaimLine, type ClaimLinesQuery } from '@peerpath/contracts';
import { localToday } from '../core/clinic-clock';
import { readProblem } from '../core/problem';
import { BillingApi } from './billing-api.service';

/**
 * Claim lines a biller turns into claims: H0038 per client, peer and date of service, and the
 * lines that cannot go out yet with the reasons, in the clinic's words.
 */
@Component({
  selector: 'pp-claim-lines-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './claim-lines-page.html',
  styleUrl: './claim-lines-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimLinesPage implements OnInit {
  private readonly api = inject(BillingApi);

  protected readonly from = signal(addDays(localToday(), -30));
  protected readonly to = signal(localToday());
  protected readonly show = signal<'all' | 'not-ready'>('all');
  protected readonly lines = signal<ClaimLine[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly applied = signal<ClaimLinesQuery>({});

  protected readonly notReady = computed(() => this.lines().filter((l) => !l.ready));
  protected readonly shown = computed(() => (this.show() === 'all' ? this.lines() : this.notReady()));
  protected readonly readyUnits = computed(() =>
    this.lines()
      .filter((l) => l.ready)
      .reduce((n, l) => n + l.units, 0),
  );
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.applied()));
  protected readonly reasons = (line: ClaimLine) => line.problems.map((p) => CLAIM_PROBLEM_LABELS[p]);
  protected readonly code = (line: ClaimLine) => [line.hcpcs, ...line.modifiers].join('-');

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    const query = { from: this.from(), to: this.to() };
    this.loading.set(true);
    this.error.set(null);
    try {
      this.lines.set(await this.api.claimLines(query));
      this.applied.set(query);
    } catch (error) {
      this.error.set(readProblem(error, 'The claim lines could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }
}
