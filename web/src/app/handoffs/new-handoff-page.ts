import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type CreateHandoffRequest,
  HANDOFF_SOURCES,
  type HandoffSource,
  type Need,
  NEEDS,
  type Program,
} from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { applyServerErrors, serverError } from '../core/forms';
import { readProblem } from '../core/problem';
import { ProgramsApi } from '../core/programs-api.service';
import { localToday } from '../clients/client-display';
import { needLabel } from '../referrals/referral-display';
import { sourceLabel } from './handoff-display';
import { HandoffsApi } from './handoffs-api.service';

const PHONE = /^[0-9+()\-.\s]{7,25}$/;

/** /handoffs/new: a warm handoff taken down as the referrer gives it (phone call, fax, email). */
@Component({
  selector: 'pp-new-handoff-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './new-handoff-page.html',
  styleUrls: ['../core/form-page.scss', './new-handoff-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewHandoffPage implements OnInit {
  private readonly api = inject(HandoffsApi);
  private readonly programsApi = inject(ProgramsApi);
  private readonly router = inject(Router);
  private readonly user = inject(AuthService).user;

  protected readonly sources = HANDOFF_SOURCES;
  protected readonly needs = NEEDS;
  protected readonly sourceLabel = sourceLabel;
  protected readonly needLabel = needLabel;
  protected readonly serverError = serverError;
  protected readonly today = localToday();
  protected readonly programs = signal<Program[]>([]);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    programId: ['', Validators.required],
    source: ['' as HandoffSource | '', Validators.required],
    referrerName: ['', [Validators.required, Validators.maxLength(200)]],
    referrerContact: ['', Validators.maxLength(200)],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: ['', Validators.pattern(PHONE)],
    dateOfBirth: [''],
    need: ['' as Need | '', Validators.required],
    note: ['', Validators.maxLength(2000)],
  });

  ngOnInit(): void {
    void this.loadPrograms();
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    const v = this.form.getRawValue();
    if (this.form.invalid || !v.source || !v.need) {
      this.form.markAllAsTouched();
      this.error.set('Check the highlighted fields.');
      return;
    }
    const request: CreateHandoffRequest = {
      programId: v.programId,
      source: v.source,
      referrerName: v.referrerName.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      need: v.need,
    };
    if (v.referrerContact.trim()) request.referrerContact = v.referrerContact.trim();
    if (v.phone.trim()) request.phone = v.phone.trim();
    if (v.dateOfBirth) request.dateOfBirth = v.dateOfBirth;
    if (v.note.trim()) request.note = v.note.trim();
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.api.create(request);
      await this.router.navigate(['/handoffs']);
    } catch (error) {
      const problem = readProblem(error, 'The handoff could not be recorded.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }

  private async loadPrograms(): Promise<void> {
    try {
      const mine = this.user()?.programIds ?? [];
      const programs = (await this.programsApi.listAll()).filter((p) => mine.includes(p.id));
      this.programs.set(programs);
      if (programs.length) this.form.controls.programId.setValue(programs[0].id);
    } catch (error) {
      this.error.set(readProblem(error, 'Programs could not be loaded.').message);
    }
  }
}
