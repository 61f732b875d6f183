import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Client } from '@peerpath/contracts';
import { displayName } from '../clients/client-display';
import { ClientsApi } from '../clients/clients-api.service';
import { readProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';

export interface ClientPickerData {
  resourceName: string;
}

/**
 * Picks one of the caller's own active clients (a peer's caseload, a clinician's programs:
 * the server scopes GET /api/clients) to refer to a directory resource.
 */
@Component({
  selector: 'pp-client-picker-dialog',
  imports: [
    ProblemMessage,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  template: `
    <h2 mat-dialog-title>Refer a client</h2>
    <mat-dialog-content>
      <p>Who are you referring to {{ data.resourceName }}?</p>
      <mat-form-field appearance="outline" class="full-width" subscriptSizing="dynamic">
        <mat-label>Search your clients</mat-label>
        <mat-icon matPrefix aria-hidden="true" svgIcon="search"></mat-icon>
        <input matInput type="search" autocomplete="off" (input)="onSearch($event)" />
      </mat-form-field>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading your clients" />
      }
      <div aria-live="polite">
        @if (error(); as message) {
          <pp-problem [message]="message" />
        }
      </div>
      <ul class="picker" aria-label="Your clients">
        @for (client of clients(); track client.id) {
          <li>
            <button mat-button type="button" class="pick" (click)="pick(client)">{{ name(client) }}</button>
          </li>
        } @empty {
          @if (!loading() && !error()) {
            <li class="none">No active clients match.</li>
          }
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
    </mat-dialog-actions>
  `,
  styles: `
    .picker {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .pick {
      width: 100%;
      min-height: 48px;
      justify-content: flex-start;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPickerDialog implements OnInit {
  protected readonly data = inject<ClientPickerData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ClientPickerDialog, string>>(MatDialogRef);
  private readonly api = inject(ClientsApi);
  protected readonly clients = signal<Client[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly name = displayName;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  ngOnInit(): void {
    void this.load('');
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(value), 250);
  }

  private async load(q: string): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list({ q: q.trim() || undefined, status: 'active', limit: 50 });
      if (request === this.request) this.clients.set(page.items);
    } catch (error) {
      if (request === this.request)
        this.error.set(readProblem(error, 'Your clients could not be loaded.').message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }

  protected pick(client: Client): void {
    this.ref.close(client.id);
  }
}
