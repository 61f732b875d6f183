import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ClientDirectory } from '../clients/directory/client-directory';
import { MyCaseload } from '../clients/caseload/my-caseload';
import { AuthService } from '../core/auth.service';
import { CaseloadDashboard } from '../dashboard/caseload-dashboard';
import { navItemsFor } from '../shell/nav-items';
import { PeerUpdates } from './peer-updates';

@Component({
  selector: 'pp-home-page',
  imports: [
    MatCardModule,
    MatIconModule,
    RouterLink,
    MyCaseload,
    ClientDirectory,
    CaseloadDashboard,
    PeerUpdates,
  ],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly user = inject(AuthService).user;
  protected readonly role = computed(() => this.user()?.role ?? null);
  /** A peer's caseload waits for the updates above it, so arriving updates never push it down. */
  protected readonly updatesSettled = signal(false);
  /** Shortcut cards: the same areas the navigation offers, minus Home itself. */
  protected readonly shortcuts = computed(() => navItemsFor(this.role()).filter((item) => item.path !== '/'));
}
