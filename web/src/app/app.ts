import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { OfflineBanner } from './shell/offline-banner';

@Component({
  selector: 'pp-root',
  imports: [RouterOutlet, OfflineBanner],
  template: '<pp-offline-banner /><router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
