import type { AbstractControl, FormGroup } from '@angular/forms';

/**
 * Puts the server's field messages on the matching form controls (shown by <mat-error>)
 * and returns the messages that belong to no control.
 */
export function applyServerErrors(form: FormGroup, fieldErrors: Record<string, string>): string[] {
  const leftOver: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    const control: AbstractControl | null = form.get(field);
    if (control && control.enabled) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      leftOver.push(message);
    }
  }
  return leftOver;
}

export function serverError(control: AbstractControl): string | null {
  const value: unknown = control.errors?.['server'];
  return typeof value === 'string' ? value : null;
}
