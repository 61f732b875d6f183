import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { Contact, CreateContactRequest, UpdateContactRequest } from '@peerpath/contracts';
import type { ContactFormValue } from './contact-draft-store';

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as the value of <input type="datetime-local"> (device time, to the minute). */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The form as it opens: now, in person, check-in, 15 minutes, successful, billable, signed. */
export function contactDefaults(now = new Date()): ContactFormValue {
  return {
    occurredAt: toLocalInput(now),
    durationMinutes: 15,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    billable: true,
    location: '',
    topics: [],
    note: '',
    sign: true,
  };
}

export function fromContact(contact: Contact): ContactFormValue {
  return {
    occurredAt: toLocalInput(new Date(contact.occurredAt)),
    durationMinutes: contact.durationMinutes,
    modality: contact.modality,
    contactType: contact.contactType,
    successful: contact.successful,
    billable: contact.billable,
    location: contact.location ?? '',
    topics: [...contact.topics],
    note: contact.note,
    sign: false,
  };
}

export function toCreateRequest(v: ContactFormValue): CreateContactRequest {
  const location = v.location.trim();
  return {
    occurredAt: new Date(v.occurredAt).toISOString(),
    durationMinutes: Number(v.durationMinutes),
    modality: v.modality,
    contactType: v.contactType,
    successful: v.successful,
    billable: v.billable,
    ...(location ? { location } : {}),
    ...(v.topics.length ? { topics: v.topics } : {}),
    ...(v.note.trim() ? { note: v.note } : {}),
    sign: v.sign,
  };
}

/** Only what changed in a draft, plus the version the change is based on. */
export function toUpdateRequest(contact: Contact, v: ContactFormValue): UpdateContactRequest {
  const next = toCreateRequest(v);
  const request: UpdateContactRequest = { version: contact.version };
  if (v.occurredAt !== toLocalInput(new Date(contact.occurredAt))) request.occurredAt = next.occurredAt;
  if (next.durationMinutes !== contact.durationMinutes) request.durationMinutes = next.durationMinutes;
  if (next.modality !== contact.modality) request.modality = next.modality;
  if (next.contactType !== contact.contactType) request.contactType = next.contactType;
  if (next.successful !== contact.successful) request.successful = next.successful;
  if (next.billable !== contact.billable) request.billable = next.billable;
  if ((next.location ?? '') !== (contact.location ?? '')) request.location = next.location ?? '';
  const topics = next.topics ?? [];
  if (topics.length !== contact.topics.length || topics.some((t) => !contact.topics.includes(t)))
    request.topics = topics;
  if (v.note !== contact.note) request.note = v.note;
  return request;
}

/** A contact cannot be logged in the future (a minute of clock drift is allowed). */
export function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  const at = Date.parse(control.value);
  return Number.isFinite(at) && at > Date.now() + 60_000 ? { future: true } : null;
}

/** crypto.randomUUID needs a secure context; fall back to getRandomValues on plain http. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
