import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { can, type Client, type ClientStatus } from '@peerpath/contracts';
import { AuthService } from '../../core/auth.service';
import { readProblem } from '../../core/problem';
import { ageFrom, displayName } from '../client-display';
import { ClientsApi } from '../clients-api.service';
import { ProblemMessage } from '../../shared/problem-message';

/** Program clients with a name search, for clinicians and managers. */
@Component({
  selector: 'pp-client-directory',
  imports: [
    ProblemMessage,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './client-directory.html',
  styleUrl: './client-directory.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDirectory implements OnInit {
  /** Route input binding sets this to undefined on /clients, hence the fallback. */
  readonly heading = input<string | undefined>();
  protected readonly title = computed(() => this.heading() || 'Clients');

  private readonly api = inject(ClientsApi);
  private readonly user = inject(AuthService).user;
  protected readonly canCreate = computed(() => can(this.user()?.role, 'clients:create'));
  protected readonly clients = signal<Client[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly query = signal('');
  protected readonly status = signal<ClientStatus>('active');
  protected readonly name = displayName;
  protected readonly age = ageFrom;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  ngOnInit(): void {
    void this.load();
  }

  protected search(value: string): void {
    this.query.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), 250);
  }

  protected setStatus(status: ClientStatus): void {
    this.status.set(status);
    void this.load();
  }

  protected async load(more = false): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list({
        q: this.query().trim() || undefined,
        status: this.status(),
        cursor: more ? this.nextCursor() : null,
      });
      if (request !== this.request) return;
      this.clients.update((items) => (more ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      if (request === this.request)
        this.error.set(readProblem(error, 'Clients could not be loaded.').message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
