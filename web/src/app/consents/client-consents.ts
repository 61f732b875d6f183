import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  can,
  type Consent,
  type Disclosure,
  DISCLOSURE_CHANNEL_LABELS,
  type Permission,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import { CONSENT_STATE_LABELS, consentRecipient, consentState, elementWords } from './consent-coverage';
import { ConsentDialog, type ConsentDialogData } from './consent-dialog';
import { ConsentsApi } from './consents-api.service';
import { RevokeConsentDialog, type RevokeConsentDialogData } from './revoke-consent-dialog';
import { ProblemMessage } from '../shared/problem-message';

/** A client's 42 CFR Part 2 consents (in force, expired, revoked) and their accounting of disclosures. */
@Component({
  selector: 'pp-client-consents',
  imports: [ProblemMessage, DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './client-consents.html',
  styleUrl: './client-consents.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientConsents implements OnInit {
  readonly clientId = input.required<string>();
  readonly clientName = input('');

  private readonly api = inject(ConsentsApi);
  private readonly resourcesApi = inject(ResourcesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(AuthService).user;

  protected readonly canRead = computed(() => this.may('consents:read'));
  protected readonly canWrite = computed(() => this.may('consents:write'));
  protected readonly canReadDisclosures = computed(() => this.may('disclosures:read'));
  protected readonly consents = signal<Consent[]>([]);
  protected readonly disclosures = signal<Disclosure[]>([]);
  protected readonly resourceNames = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly disclosureError = signal<string | null>(null);

  protected readonly stateLabels = CONSENT_STATE_LABELS;
  protected readonly channelLabels = DISCLOSURE_CHANNEL_LABELS;
  protected readonly elementWords = elementWords;
  protected readonly state = consentState;
  protected recipient(consent: Consent): string {
    return consentRecipient(consent, this.resourceNames());
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    if (!this.canRead()) return;
    this.loading.set(true);
    this.error.set(null);
    this.disclosureError.set(null);
    const [consents, disclosures, resources] = await Promise.allSettled([
      this.api.list(this.clientId()),
      this.canReadDisclosures() ? this.api.disclosures(this.clientId()) : Promise.resolve([]),
      this.resourcesApi.listAll(),
    ]);
    if (consents.status === 'fulfilled') this.consents.set(consents.value);
    else this.error.set(readProblem(consents.reason, 'Consents could not be loaded.').message);
    if (disclosures.status === 'fulfilled') this.disclosures.set(disclosures.value);
    else
      this.disclosureError.set(
        readProblem(disclosures.reason, 'The accounting of disclosures could not be loaded.').message,
      );
    if (resources.status === 'fulfilled')
      this.resourceNames.set(new Map(resources.value.map((r) => [r.id, r.name])));
    this.loading.set(false);
  }

  protected async record(): Promise<void> {
    const ref = this.dialog.open<ConsentDialog, ConsentDialogData, Consent>(ConsentDialog, {
      data: { clientId: this.clientId(), clientName: this.clientName() },
      width: '640px',
      maxWidth: '95vw',
      autoFocus: 'first-heading',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.consents.update((list) => [saved, ...list]);
    this.snackBar.open('Consent recorded.', 'OK', { duration: 4000 });
  }

  protected async revoke(consent: Consent): Promise<void> {
    const ref = this.dialog.open<RevokeConsentDialog, RevokeConsentDialogData, Consent>(RevokeConsentDialog, {
      data: { consent, recipient: this.recipient(consent) },
      width: '480px',
      maxWidth: '95vw',
    });
    const revoked = await firstValueFrom(ref.afterClosed());
    if (!revoked) return;
    this.consents.update((list) => list.map((c) => (c.id === revoked.id ? revoked : c)));
    this.snackBar.open('Consent revoked.', 'OK', { duration: 4000 });
  }

  private may(permission: Permission): boolean {
    return can(this.user()?.role, permission);
  }
}
