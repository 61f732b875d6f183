import { Injectable } from '@angular/core';
import type { ContactType, Modality, RecoveryDomain } from '@peerpath/contracts';

/** The log-contact form as typed, kept on the device until the server has it. */
export interface ContactFormValue {
  /** Local date and time as in <input type="datetime-local">: YYYY-MM-DDTHH:mm. */
  occurredAt: string;
  durationMinutes: number | null;
  modality: Modality;
  contactType: ContactType;
  successful: boolean;
  billable: boolean;
  location: string;
  topics: RecoveryDomain[];
  note: string;
  sign: boolean;
}

export interface ContactDraft {
  idempotencyKey: string;
  value: ContactFormValue;
  savedAt: string;
}

const PREFIX = 'peerpath.contact-draft.';

/**
 * Unsent contacts in localStorage, one per staff member and client. Keys hold only ids, never
 * names; storage failures (private mode, full disk) are ignored so logging still works.
 */
@Injectable({ providedIn: 'root' })
export class ContactDraftStore {
  private key(userId: string, clientId: string): string {
    return `${PREFIX}${userId}.${clientId}`;
  }

  load(userId: string, clientId: string): ContactDraft | null {
    try {
      const raw = localStorage.getItem(this.key(userId, clientId));
      if (!raw) return null;
      const draft = JSON.parse(raw) as Partial<ContactDraft>;
      return typeof draft.idempotencyKey === 'string' && draft.value ? (draft as ContactDraft) : null;
    } catch {
      return null;
    }
  }

  save(userId: string, clientId: string, draft: ContactDraft): void {
    try {
      localStorage.setItem(this.key(userId, clientId), JSON.stringify(draft));
    } catch {
      // Storage may be full or disabled; the form still works, only without the safety copy.
    }
  }

  clear(userId: string, clientId: string): void {
    try {
      localStorage.removeItem(this.key(userId, clientId));
    } catch {
      // Nothing to clear.
    }
  }

  has(userId: string, clientId: string): boolean {
    return this.load(userId, clientId) !== null;
  }
}
