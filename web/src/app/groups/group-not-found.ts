import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** A group or session that does not exist or is outside the caller's reach; it never says which. */
@Component({
  selector: 'pp-group-not-found',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="page" aria-labelledby="group-not-found-heading">
      <h1 id="group-not-found-heading">{{ what() }} not found</h1>
      <p>
        There is no {{ what().toLowerCase() }} at this address that you can open. The link may be out of date.
      </p>
      <a mat-flat-button routerLink="/groups">Go to groups</a>
    </section>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupNotFound {
  readonly what = input<'Group' | 'Session'>('Group');
}
