import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { can, type Need, NEED_LABELS, NEEDS, type Resource } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ClientPickerDialog, type ClientPickerData } from './client-picker-dialog';
import { RESOURCE_STATUS_LABELS } from './directory-display';
import { ResourceFormDialog, type ResourceFormData } from './resource-form-dialog';
import { ResourcesApi } from './resources-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** Short chip labels (the full need label stays in the cards). */
const CHIP_LABELS: Partial<Record<Need, string>> = { moud: 'MOUD', detox: 'Detox' };

/** The clinic's community resource directory: search by text and need, refer a client from an entry. */
@Component({
  selector: 'pp-directory-page',
  imports: [
    ProblemMessage,
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './directory-page.html',
  styleUrl: './directory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPage implements OnInit {
  private readonly api = inject(ResourcesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly needs = NEEDS;
  protected readonly needLabels = NEED_LABELS;
  protected readonly statusLabels = RESOURCE_STATUS_LABELS;
  protected readonly canRefer = computed(() => can(this.user()?.role, 'referrals:write'));
  protected readonly canEdit = computed(() => can(this.user()?.role, 'resources:write'));

  protected readonly query = signal('');
  protected readonly need = signal<Need | null>(null);
  protected readonly resources = signal<Resource[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  ngOnInit(): void {
    void this.load();
  }

  protected chipLabel(need: Need): string {
    return CHIP_LABELS[need] ?? NEED_LABELS[need];
  }

  protected search(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), 250);
  }

  protected chooseNeed(value: Need | null | undefined): void {
    this.need.set(value ?? null);
    void this.load();
  }

  protected async load(more = false): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.search({
        q: this.query().trim() || undefined,
        need: this.need(),
        cursor: more ? this.nextCursor() : null,
      });
      if (request !== this.request) return;
      this.resources.update((items) => (more ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      if (request === this.request)
        this.error.set(readProblem(error, 'The directory could not be searched.').message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }

  /** Pick one of the caller's clients, then open the refer flow with this resource chosen. */
  protected async refer(resource: Resource): Promise<void> {
    const ref = this.dialog.open<ClientPickerDialog, ClientPickerData, string>(ClientPickerDialog, {
      data: { resourceName: resource.name },
      width: '480px',
      maxWidth: '95vw',
    });
    const clientId = await firstValueFrom(ref.afterClosed());
    if (clientId)
      await this.router.navigate(['/clients', clientId, 'refer'], {
        queryParams: { resourceId: resource.id },
      });
  }

  protected async edit(resource: Resource | null): Promise<void> {
    const ref = this.dialog.open<ResourceFormDialog, ResourceFormData, Resource>(ResourceFormDialog, {
      data: { resource },
      width: '640px',
      maxWidth: '95vw',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    if (resource) this.resources.update((list) => list.map((r) => (r.id === saved.id ? saved : r)));
    else this.resources.update((list) => [saved, ...list]);
    this.snackBar.open(resource ? 'Resource saved.' : 'Resource added.', 'OK', { duration: 4000 });
  }
}
