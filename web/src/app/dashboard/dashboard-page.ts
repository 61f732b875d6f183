import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { scopeOf } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { CaseloadDashboard } from './caseload-dashboard';

/** /dashboard: a peer's own figures ("My figures"); a manager's home shows the same dashboard. */
@Component({
  selector: 'pp-dashboard-page',
  imports: [CaseloadDashboard],
  template: `<pp-caseload-dashboard [heading]="heading()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly user = inject(AuthService).user;
  protected readonly heading = computed(() => {
    const role = this.user()?.role;
    return role && scopeOf(role, 'reports:read') === 'caseload' ? 'My figures' : 'Caseload figures';
  });
}
