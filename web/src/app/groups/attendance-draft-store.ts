import { Injectable } from '@angular/core';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@peerpath/contracts';

/** One row as taken at the door; `status` null until tapped. */
export interface DraftRow {
  clientId: string;
  status: AttendanceStatus | null;
  /** A late arrival's minutes, as typed; absent in drafts kept before minutes were asked. */
  minutesAttended?: number | null;
}

/** A walk-in added on this device, not yet on the roster: kept by display name only. */
export interface DraftWalkIn {
  clientId: string;
  displayName: string;
}

export interface AttendanceDraft {
  idempotencyKey: string;
  rows: DraftRow[];
  walkIns: DraftWalkIn[];
  savedAt: string;
}

const PREFIX = 'peerpath.attendance-draft.';

/**
 * Unsent attendance in localStorage, one per staff member and session, under a key of ids only
 * (`peerpath.attendance-draft.{userId}.{sessionId}`). Signing out removes it with the rest of the
 * `peerpath.` keys. Storage failures are ignored: taking attendance still works without the copy.
 */
@Injectable({ providedIn: 'root' })
export class AttendanceDraftStore {
  key(userId: string, sessionId: string): string {
    return `${PREFIX}${userId}.${sessionId}`;
  }

  load(userId: string, sessionId: string): AttendanceDraft | null {
    try {
      const raw = localStorage.getItem(this.key(userId, sessionId));
      if (!raw) return null;
      const draft = JSON.parse(raw) as Partial<AttendanceDraft>;
      if (typeof draft.idempotencyKey !== 'string' || !Array.isArray(draft.rows)) return null;
      return {
        idempotencyKey: draft.idempotencyKey,
        rows: draft.rows.filter(
          (r): r is DraftRow =>
            typeof r?.clientId === 'string' &&
            (r.status === null || ATTENDANCE_STATUSES.includes(r.status as AttendanceStatus)) &&
            (r.minutesAttended == null || Number.isInteger(r.minutesAttended)),
        ),
        walkIns: Array.isArray(draft.walkIns)
          ? draft.walkIns.filter((w) => typeof w?.clientId === 'string' && typeof w.displayName === 'string')
          : [],
        savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
      };
    } catch {
      return null;
    }
  }

  save(userId: string, sessionId: string, draft: AttendanceDraft): void {
    try {
      localStorage.setItem(this.key(userId, sessionId), JSON.stringify(draft));
    } catch {
      // Full or disabled storage: the screen still works, only without the safety copy.
    }
  }

  clear(userId: string, sessionId: string): void {
    try {
      localStorage.removeItem(this.key(userId, sessionId));
    } catch {
      // Nothing to clear.
    }
  }
}
