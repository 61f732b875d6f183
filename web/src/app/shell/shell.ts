import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  EnvironmentInjector,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { COMPACT, injectMatches, NARROW } from '../core/layout';
import { Outbox } from '../outbox/outbox';
import type { SignOutChoice } from '../outbox/sign-out-dialog';
import { navItemsFor } from './nav-items';
import { firstValueFrom } from 'rxjs';

@Component({
  selector: 'pp-shell',
  imports: [NgTemplateOutlet, MatIconModule, RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(EnvironmentInjector);
  /** The navigation drawer on narrow screens (beside the page otherwise). */
  private readonly drawer = viewChild<ElementRef<HTMLDialogElement>>('drawer');
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
  protected readonly menuOpen = signal(false);

  protected toggleMenu(): void {
    const drawer = this.drawer()?.nativeElement;
    if (!drawer) return;
    if (drawer.open) {
      drawer.close();
    } else {
      drawer.showModal();
      this.menuOpen.set(true);
    }
  }

  /** After choosing a destination on a narrow screen, the drawer gets out of the way. */
  protected closeMenu(): void {
    this.drawer()?.nativeElement.close();
  }

  /** A tap on the shade beside the drawer lands on the dialog itself, outside its body. */
  protected closeOnBackdrop(event: MouseEvent): void {
    if (event.target === event.currentTarget) this.closeMenu();
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
    // Loaded only when asked: the dialog and its overlay code stay off the first screen.
    const [{ MatDialog }, { SignOutDialog }] = await Promise.all([
      import('@angular/material/dialog'),
      import('../outbox/sign-out-dialog'),
    ]);
    const dialog = this.injector.get(MatDialog);
    const ref = dialog.open<InstanceType<typeof SignOutDialog>, { count: number }, SignOutChoice>(
      SignOutDialog,
      {
        data: { count },
        maxWidth: '420px',
      },
    );
    const choice = await firstValueFrom(ref.afterClosed());
    // Cancel, Escape or a tap outside closes with '' or nothing: stay signed in.
    return choice === 'send' || choice === 'keep' || choice === 'discard' ? choice : null;
  }
}
