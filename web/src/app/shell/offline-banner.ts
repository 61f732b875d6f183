import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { Connection } from '../core/connection';

export const OFFLINE_MESSAGE = 'Offline — showing what was last loaded';

/** Says plainly that nothing on screen is fresh while the device has no link. */
@Component({
  selector: 'pp-offline-banner',
  imports: [MatIconModule],
  template: `
    <div role="status" aria-live="polite">
      @if (!connection.online()) {
        <p class="banner offline-banner" data-testid="offline-banner">
          <mat-icon aria-hidden="true" svgIcon="cloud_off"></mat-icon>
          <span>{{ message }}</span>
        </p>
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      gap: 8px;
      box-sizing: border-box;
      height: var(--pp-offline-banner-height);
      margin: 0;
      padding: 0 16px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfflineBanner {
  protected readonly connection = inject(Connection);
  protected readonly message = OFFLINE_MESSAGE;
}
