import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { COMPACT, injectMatches, NARROW } from '../core/layout';
import { Outbox } from '../outbox/outbox';
import { SignOutDialog, type SignOutChoice } from '../outbox/sign-out-dialog';
import { navItemsFor } from './nav-items';
import { firstValueFrom } from 'rxjs';

@Component({
  selector: 'pp-shell',
  imports: [
    NgTemplateOutlet,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatBadgeModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly dialog = inject(MatDialog);
  protected readonly outbox = inject(Outbox);

  protected readonly user = this.auth.user;
  protected readonly compact = injectMatches(COMPACT);
  protected readonly narrow = injectMatches(NARROW);
  protected readonly navItems = computed(() => navItemsFor(this.user()?.role));
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly signingOut = signal(false);

  protected closeIfCompact(): void {
    if (this.compact()) void this.sidenav().close();
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) return;
    const choice = await this.unsentChoice();
    if (choice === null) return;
    this.signingOut.set(true);
    try {
      if (choice === 'send') {
        await this.outbox.flush();
        if (this.outbox.count() > 0) {
          // Still no link (or refused): stay signed in so nothing is lost; the outbox says why.
          this.signingOut.set(false);
          await this.router.navigateByUrl('/outbox');
          return;
        }
      }
      if (choice === 'discard') await this.outbox.discardAll();
      await this.auth.logout();
    } catch {
      // The session is gone locally either way.
    } finally {
      this.signingOut.set(false);
      await this.router.navigateByUrl('/sign-in');
    }
  }

  /** 'none' when nothing is unsent, null when the person cancelled. */
  private async unsentChoice(): Promise<SignOutChoice | 'none' | null> {
    const count = this.outbox.count();
    if (count === 0) return 'none';
    const ref = this.dialog.open<SignOutDialog, { count: number }, SignOutChoice>(SignOutDialog, {
      data: { count },
      maxWidth: '420px',
    });
    const choice = await firstValueFrom(ref.afterClosed());
    // Cancel, Escape or a tap outside closes with '' or nothing: stay signed in.
    return choice === 'send' || choice === 'keep' || choice === 'discard' ? choice : null;
  }
}
