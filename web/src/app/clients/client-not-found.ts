import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** Shown for a client that does not exist or is outside the caller's reach; it never says which. */
@Component({
  selector: 'pp-client-not-found',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="page" aria-labelledby="client-not-found-heading">
      <h1 id="client-not-found-heading">Client not found</h1>
      <p>There is no client at this address that you can open. The link may be mistyped or out of date.</p>
      <a mat-flat-button routerLink="/">Go to home</a>
    </section>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientNotFound {}
