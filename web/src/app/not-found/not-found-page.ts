import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../core/auth.service';

@Component({
  selector: 'pp-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="page" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      @if (signedIn()) {
        <a mat-flat-button routerLink="/">Go to home</a>
      } @else {
        <a mat-flat-button routerLink="/sign-in">Go to sign in</a>
      }
    </section>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  protected readonly signedIn = inject(AuthService).signedIn;
}
