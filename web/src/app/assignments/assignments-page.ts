import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { CaseloadEntry, User } from '@peerpath/contracts';
import { readProblem } from '../core/problem';
import { displayName, plural } from '../clients/client-display';
import { ClientsApi } from '../clients/clients-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** A manager moves clients between peers' caseloads, several at once (all or nothing). */
@Component({
  selector: 'pp-assignments-page',
  imports: [
    ProblemMessage,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './assignments-page.html',
  styleUrl: './assignments-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignmentsPage implements OnInit {
  private readonly api = inject(ClientsApi);

  protected readonly peers = signal<User[]>([]);
  protected readonly fromPeerId = signal('');
  protected readonly toPeerId = signal('');
  protected readonly reason = signal('');
  protected readonly entries = signal<CaseloadEntry[]>([]);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly loading = signal(false);
  protected readonly moving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<string | null>(null);

  protected readonly name = displayName;
  protected readonly plural = plural;
  protected readonly targets = computed(() => this.peers().filter((p) => p.id !== this.fromPeerId()));
  protected readonly count = computed(() => this.selected().size);
  protected readonly allSelected = computed(
    () => this.entries().length > 0 && this.count() === this.entries().length,
  );
  protected readonly someSelected = computed(() => this.count() > 0 && !this.allSelected());
  protected readonly canMove = computed(
    () => this.count() > 0 && !!this.toPeerId() && this.toPeerId() !== this.fromPeerId() && !this.moving(),
  );

  ngOnInit(): void {
    this.api.peers().then(
      (peers) => this.peers.set(peers),
      (error: unknown) => this.error.set(readProblem(error, 'Peer specialists could not be loaded.').message),
    );
  }

  protected async chooseFrom(peerId: string): Promise<void> {
    this.fromPeerId.set(peerId);
    if (this.toPeerId() === peerId) this.toPeerId.set('');
    this.result.set(null);
    await this.loadCaseload();
  }

  protected toggle(clientId: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(clientId);
      else next.delete(clientId);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? this.entries().map((e) => e.clientId) : []));
  }

  protected async move(): Promise<void> {
    if (!this.canMove()) return;
    const ids = [...this.selected()];
    const to = this.peers().find((p) => p.id === this.toPeerId());
    this.moving.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      const { items } = await this.api.transfer(ids, this.toPeerId(), this.reason().trim() || undefined);
      this.result.set(`Moved ${plural(items.length, 'client')} to ${to?.name ?? 'the chosen peer'}.`);
      this.reason.set('');
      await this.loadCaseload();
    } catch (error) {
      this.error.set(readProblem(error, 'Nobody was moved: the transfer could not be made.').message);
    } finally {
      this.moving.set(false);
    }
  }

  private async loadCaseload(): Promise<void> {
    this.selected.set(new Set());
    this.entries.set([]);
    if (!this.fromPeerId()) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      this.entries.set((await this.api.caseload(this.fromPeerId())).items);
    } catch (error) {
      this.error.set(readProblem(error, 'The caseload could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }
}
