import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Program } from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../../core/forms';
import { readProblem } from '../../core/problem';
import { ProgramsApi } from '../../core/programs-api.service';
import { ProblemMessage } from '../../shared/problem-message';

@Component({
  selector: 'pp-program-form',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './program-form.html',
  styleUrl: './program-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramForm {
  private readonly api = inject(ProgramsApi);
  readonly saved = output<Program>();
  readonly cancelled = output<void>();

  protected readonly serverError = serverError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(2000)],
    overdueContactDays: [14, [Validators.required, Validators.min(1), Validators.max(365)]],
  });

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const { name, description, overdueContactDays } = this.form.getRawValue();
      const program = await this.api.create({
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        overdueContactDays: Number(overdueContactDays),
      });
      this.saved.emit(program);
    } catch (error) {
      const problem = readProblem(error, 'The program could not be saved.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }
}
