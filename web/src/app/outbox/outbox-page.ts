import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Outbox, type OutboxItem, type OutboxState } from './outbox';

const STATE_LABELS: Record<OutboxState, string> = {
  waiting: 'Waiting for a connection',
  sending: 'Sending…',
  failed: 'Not accepted',
};

/** What this device still has to send, with its state and the server's answer when it refused. */
@Component({
  selector: 'pp-outbox-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule],
  template: `
    <section class="page outbox" aria-labelledby="outbox-heading">
      <h1 id="outbox-heading">Outbox</h1>
      @if (outbox.count() === 0) {
        <p>Nothing waiting: everything saved on this device has been sent.</p>
      } @else {
        <p>These were saved while PeerPath could not be reached. They send themselves, in this order.</p>
        <button mat-flat-button type="button" (click)="sendNow()" [disabled]="sending()">
          <mat-icon aria-hidden="true" svgIcon="send"></mat-icon>
          Send now
        </button>
        <ul class="items">
          @for (item of outbox.items(); track item.key) {
            <li class="item" [class.failed]="item.state === 'failed'">
              <span class="summary">{{ item.summary }}</span>
              <span class="state"
                >{{ stateLabels[item.state] }} · saved {{ item.createdAt | date: 'short' }}</span
              >
              @if (item.error) {
                <span class="error" role="alert">
                  <mat-icon aria-hidden="true" svgIcon="error"></mat-icon>{{ item.error }}
                </span>
              }
              <span class="actions">
                <a mat-button [routerLink]="item.link">Open</a>
                @if (item.state === 'failed') {
                  <button mat-button type="button" (click)="outbox.retry(item.key)">Try again</button>
                }
                <button mat-button type="button" (click)="discard(item)">Discard</button>
              </span>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .items {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .item {
      display: grid;
      gap: 4px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .item.failed {
      border-color: var(--mat-sys-error);
    }
    .summary {
      font-weight: 500;
    }
    .state {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      display: flex;
      gap: 8px;
      align-items: center;
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  protected readonly outbox = inject(Outbox);
  protected readonly stateLabels = STATE_LABELS;
  protected readonly sending = signal(false);

  protected async sendNow(): Promise<void> {
    this.sending.set(true);
    try {
      await this.outbox.flush();
    } finally {
      this.sending.set(false);
    }
  }

  protected async discard(item: OutboxItem): Promise<void> {
    if (confirm(`Discard “${item.summary}”? It will not be sent.`)) await this.outbox.discard(item.key);
  }
}
