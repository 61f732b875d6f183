import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { can, type CaseloadEntry } from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { keepOfflineCopy, offlineCopy } from '../../core/offline-copy';
import { isNoConnection, readProblem } from '../../core/problem';
import { ContactDraftStore } from '../../contacts/contact-draft-store';
import { displayName, matchesName, milestoneText, plural } from '../client-display';
import { ClientsApi } from '../clients-api.service';
import { ProblemMessage } from '../../shared/problem-message';

/** Overdue clients first; otherwise the server's order is kept. */
export function overdueFirst(entries: readonly CaseloadEntry[]): CaseloadEntry[] {
  return [...entries.filter((e) => e.overdue), ...entries.filter((e) => !e.overdue)];
}

/** A peer's home: their active clients, who needs a contact, and one tap to log one. */
@Component({
  selector: 'pp-my-caseload',
  // Plain controls (styles.scss) instead of Material's field, buttons and progress bar: this is a
  // peer's first screen on a phone.
  imports: [ProblemMessage, MatIconModule, RouterLink],
  templateUrl: './my-caseload.html',
  styleUrl: './my-caseload.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyCaseload {
  private readonly api = inject(ClientsApi);
  private readonly drafts = inject(ContactDraftStore);
  private readonly user = inject(AuthService).user;

  /** Holds the list back (a progress bar shows) while something projected above it still grows. */
  readonly listWaiting = input(false);

  protected readonly canCreate = computed(() => can(this.user()?.role, 'clients:create'));
  protected readonly canLog = computed(() => can(this.user()?.role, 'contacts:write'));
  protected readonly entries = signal<CaseloadEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly query = signal('');
  protected readonly shown = computed(() =>
    overdueFirst(this.entries()).filter((e) => matchesName(e, this.query())),
  );
  protected readonly overdueCount = computed(() => this.entries().filter((e) => e.overdue).length);

  protected readonly name = displayName;
  protected readonly milestone = milestoneText;
  protected readonly plural = plural;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const userId = this.user()?.id ?? '';
    try {
      const { items } = await this.api.caseload();
      this.entries.set(items);
      keepOfflineCopy(userId, 'caseload', items);
    } catch (error) {
      const kept = isNoConnection(error) ? offlineCopy<CaseloadEntry[]>(userId, 'caseload') : null;
      if (kept) this.entries.set(kept);
      else this.error.set(readProblem(error, 'Your caseload could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected lastContact(entry: CaseloadEntry): string {
    const days = entry.daysSinceContact;
    if (days === null) return 'No contact yet';
    if (days === 0) return 'Contact today';
    return `${plural(days, 'day')} since contact`;
  }

  protected unsentHere(entry: CaseloadEntry): boolean {
    const userId = this.user()?.id;
    return !!userId && this.drafts.has(userId, entry.clientId);
  }

  protected search(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
