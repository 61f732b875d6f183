import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * Why something failed, announced as it appears (role alert). An action such as "Try again" can be
 * projected after the message.
 */
@Component({
  selector: 'pp-problem',
  imports: [MatIconModule],
  host: { class: 'problem', role: 'alert' },
  template: `<mat-icon aria-hidden="true" svgIcon="error" /><span>{{ message() }}</span
    ><ng-content />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemMessage {
  readonly message = input.required<string>();
}
