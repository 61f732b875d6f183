import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  type BillingProfile,
  GROUP_LABELS,
  GROUP_TYPES,
  type GroupType,
  LABELS,
  localDate,
  MODALITIES,
  type Modality,
  type OrganizationSettings,
} from '@peerpath/contracts';
import { setClinicTimeZone } from '../../core/clinic-clock';
import { OrganizationApi } from '../../core/organization-api.service';
import { readProblem } from '../../core/problem';

const ZONES: string[] = Intl.supportedValuesOf('timeZone');

/** The clinic's own settings: the time zone every "today" is read in, and how it bills H0038. */
@Component({
  selector: 'pp-clinic-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  template: `
    <h1>Clinic settings</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading settings" />
    }
    <div aria-live="polite">
      @if (error(); as message) {
        <p class="problem" role="alert">
          <mat-icon aria-hidden="true" svgIcon="error"></mat-icon> {{ message }}
        </p>
      }
      @if (saved()) {
        <p class="saved" role="status">Settings saved.</p>
      }
    </div>
    @if (settings(); as s) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <section aria-labelledby="clock-heading">
          <h2 id="clock-heading">Clock</h2>
          <p class="hint">
            Follow-ups due, consent expiry, session dates and “after 10 pm” are read on this calendar. The
            clinic’s today is {{ todayIn(form.controls.timeZone.value) }}.
          </p>
          <mat-form-field appearance="outline">
            <mat-label>Time zone</mat-label>
            <mat-select formControlName="timeZone">
              @for (zone of zones; track zone) {
                <mat-option [value]="zone">{{ zone }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </section>
        <section aria-labelledby="billing-heading">
          <h2 id="billing-heading">Billing (H0038 peer support)</h2>
          <fieldset>
            <legend>Contacts that bill</legend>
            @for (m of modalities; track m) {
              <mat-checkbox [checked]="billable().includes(m)" (change)="toggleModality(m, $event.checked)">
                {{ label(m) }}
              </mat-checkbox>
            }
          </fieldset>
          <fieldset>
            <legend>Groups that never bill</legend>
            @for (g of groupTypes; track g) {
              <mat-checkbox
                [checked]="nonBillableGroups().includes(g)"
                (change)="toggleGroup(g, $event.checked)"
              >
                {{ groupLabel(g) }}
              </mat-checkbox>
            }
          </fieldset>
          <mat-form-field appearance="outline">
            <mat-label>Most units per client per day</mat-label>
            <input matInput type="number" formControlName="dailyUnitCap" min="1" max="96" />
            <mat-hint>16 units is 4 hours.</mat-hint>
          </mat-form-field>
          <div class="pairs">
            <mat-form-field appearance="outline">
              <mat-label>Video modifier</mat-label>
              <input matInput formControlName="videoModifier" maxlength="2" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Phone modifier</mat-label>
              <input matInput formControlName="phoneModifier" maxlength="2" />
            </mat-form-field>
          </div>
          <div class="pairs">
            @for (m of placeModalities; track m) {
              <mat-form-field appearance="outline">
                <mat-label>Place of service: {{ label(m) }}</mat-label>
                <input matInput [formControlName]="'pos_' + m" maxlength="2" />
              </mat-form-field>
            }
          </div>
        </section>
        <button mat-flat-button type="submit" [disabled]="saving()">Save settings</button>
      </form>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    section {
      margin-block: 1.5rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    legend {
      font-weight: 500;
      margin-bottom: 0.25rem;
    }
    .pairs {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClinicSettingsPage {
  private readonly api = inject(OrganizationApi);
  protected readonly zones = ZONES;
  protected readonly modalities = MODALITIES;
  protected readonly placeModalities: Modality[] = ['in_person', 'phone', 'video'];
  protected readonly groupTypes = GROUP_TYPES;
  protected readonly settings = signal<OrganizationSettings | null>(null);
  protected readonly billable = signal<Modality[]>([]);
  protected readonly nonBillableGroups = signal<GroupType[]>([]);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    timeZone: ['', Validators.required],
    dailyUnitCap: [16, [Validators.required, Validators.min(1), Validators.max(96)]],
    videoModifier: ['', Validators.pattern(/^[A-Z0-9]{2}$/)],
    phoneModifier: ['', Validators.pattern(/^[A-Z0-9]{2}$/)],
    pos_in_person: ['', Validators.pattern(/^\d{2}$/)],
    pos_phone: ['', Validators.pattern(/^\d{2}$/)],
    pos_video: ['', Validators.pattern(/^\d{2}$/)],
  });

  constructor() {
    void this.load();
  }

  protected label(m: Modality): string {
    return LABELS[m] ?? m;
  }

  protected groupLabel(g: GroupType): string {
    return GROUP_LABELS[g] ?? g;
  }

  protected todayIn(zone: string): string {
    return zone ? localDate(new Date(), zone) : '';
  }

  protected toggleModality(m: Modality, on: boolean): void {
    this.billable.update((list) => (on ? [...new Set([...list, m])] : list.filter((x) => x !== m)));
  }

  protected toggleGroup(g: GroupType, on: boolean): void {
    this.nonBillableGroups.update((list) => (on ? [...new Set([...list, g])] : list.filter((x) => x !== g)));
  }

  private async load(): Promise<void> {
    try {
      this.show(await this.api.get());
    } catch (error) {
      this.error.set(readProblem(error, 'Settings could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  private show(s: OrganizationSettings): void {
    const p = s.billingProfile;
    this.settings.set(s);
    this.billable.set([...p.billableModalities]);
    this.nonBillableGroups.set([...p.nonBillableGroupTypes]);
    this.form.setValue({
      timeZone: s.timeZone,
      dailyUnitCap: p.dailyUnitCap,
      videoModifier: p.modifiers.video?.[0] ?? '',
      phoneModifier: p.modifiers.phone?.[0] ?? '',
      pos_in_person: p.placeOfService.in_person ?? '',
      pos_phone: p.placeOfService.phone ?? '',
      pos_video: p.placeOfService.video ?? '',
    });
  }

  protected async save(): Promise<void> {
    const current = this.settings();
    if (!current || this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.saved.set(false);
    this.error.set(null);
    try {
      const updated = await this.api.update({
        version: current.version,
        timeZone: this.form.controls.timeZone.value,
        billingProfile: this.profile(),
      });
      setClinicTimeZone(updated.timeZone);
      this.show(updated);
      this.saved.set(true);
    } catch (error) {
      this.error.set(readProblem(error, 'Settings could not be saved.').message);
    } finally {
      this.saving.set(false);
    }
  }

  private profile(): Partial<BillingProfile> {
    const v = this.form.getRawValue();
    const code = (value: string) => (value ? [value] : undefined);
    return {
      billableModalities: this.billable(),
      nonBillableGroupTypes: this.nonBillableGroups(),
      dailyUnitCap: Number(v.dailyUnitCap),
      modifiers: strip({ video: code(v.videoModifier), phone: code(v.phoneModifier) }),
      placeOfService: strip({ in_person: v.pos_in_person, phone: v.pos_phone, video: v.pos_video }),
    };
  }
}

function strip<T>(map: Partial<Record<Modality, T | '' | undefined>>): Partial<Record<Modality, T>> {
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined && v !== '')) as Partial<
    Record<Modality, T>
  >;
}
