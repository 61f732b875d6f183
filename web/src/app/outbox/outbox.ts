import { HttpClient, HttpHeaders } from '@angular/common/http';
import { computed, effect, EnvironmentInjector, inject, Injectable, signal, untracked } from '@angular/core';
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';

export type OutboxKind = 'contact' | 'attendance' | 'meeting';
export type OutboxState = 'waiting' | 'sending' | 'failed';

/** One request the server has not confirmed yet, kept on the device with its Idempotency-Key. */
export interface OutboxItem {
  /** The Idempotency-Key: every attempt sends the same one, so the server records it once. */
  key: string;
  /** The staff member who saved it; only they can send it, and it is removed if another signs in. */
  userId: string;
  kind: OutboxKind;
  method: 'POST' | 'PUT';
  url: string;
  body: unknown;
  /** What the outbox page shows: no client names, only the kind of record and when. */
  summary: string;
  /** The app page the item belongs to (a client or a group session). */
  link: string;
  createdAt: string;
  state: OutboxState;
  error: string | null;
}

export type NewOutboxItem = Omit<OutboxItem, 'userId' | 'createdAt' | 'state' | 'error'>;

/** Waiting items are tried again this often while the app is open, besides on 'online'. */
const RETRY_MS = 20_000;
/** 'online' can come before the route works (a radio still attaching, a worker still offline): try once more. */
const ONLINE_SETTLE_MS = 3_000;

/**
 * The device's outbox (IndexedDB): contacts, attendance and community meetings that could not be
 * sent. They send themselves when the link returns, when the app opens and every few seconds,
 * one at a time and in the order saved; a Web Lock keeps two tabs from sending at once (and the
 * Idempotency-Key makes a repeat harmless anyway). Where IndexedDB is missing, memory stands in.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(EnvironmentInjector);
  private readonly store: UseStore | null = openStore();
  private readonly memory = new Map<string, OutboxItem>();
  private readonly all = signal<OutboxItem[]>([]);
  private flushing: Promise<void> | null = null;

  /** The signed-in person's items, oldest first. */
  readonly items = computed(() => {
    const userId = this.auth.user()?.id;
    return this.all()
      .filter((i) => i.userId === userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  });
  readonly count = computed(() => this.items().length);

  constructor() {
    effect(() => {
      const userId = this.auth.user()?.id;
      if (userId) untracked(() => void this.open(userId));
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => {
        void this.flush();
        setTimeout(() => this.flushWaiting(), ONLINE_SETTLE_MS);
      });
      setInterval(() => this.flushWaiting(), RETRY_MS);
    }
  }

  /** Keeps a request that could not be sent; it goes out by itself later. */
  async add(item: NewOutboxItem): Promise<void> {
    const userId = this.auth.user()?.id;
    if (!userId) return;
    await this.write({ ...item, userId, createdAt: new Date().toISOString(), state: 'waiting', error: null });
  }

  async discard(key: string): Promise<void> {
    await this.remove(key);
  }

  /** Removes every item of the signed-in person (sign-out with "Discard"). */
  async discardAll(): Promise<void> {
    for (const item of this.items()) await this.remove(item.key);
  }

  /** Sends the signed-in person's waiting items now, one at a time; resolves when done. */
  flush(): Promise<void> {
    this.flushing ??= this.withLock(() => this.sendAll()).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private flushWaiting(): void {
    if (this.items().some((i) => i.state === 'waiting')) void this.flush();
  }

  /** Tries a failed item again (after the person has read its error). */
  async retry(key: string): Promise<void> {
    const item = this.items().find((i) => i.key === key);
    if (!item) return;
    await this.write({ ...item, state: 'waiting', error: null });
    await this.flush();
  }

  private async open(userId: string): Promise<void> {
    const stored = await this.readAll();
    // A shared phone keeps nothing of the previous person's once someone else signs in.
    for (const item of stored.filter((i) => i.userId !== userId)) await this.remove(item.key);
    this.all.set(
      stored
        .filter((i) => i.userId === userId)
        .map((i) => ({ ...i, state: i.state === 'sending' ? 'waiting' : i.state })),
    );
    await this.flush();
  }

  private async sendAll(): Promise<void> {
    let sent = 0;
    for (const item of this.items()) {
      if (item.state === 'failed') continue;
      await this.write({ ...item, state: 'sending' });
      try {
        await firstValueFrom(
          this.http.request(item.method, item.url, {
            body: item.body,
            headers: new HttpHeaders({ 'Idempotency-Key': item.key }),
          }),
        );
        await this.remove(item.key);
        sent++;
      } catch (error) {
        const problem = readProblem(error);
        const later =
          problem.status === 0 || problem.status === 401 || problem.status === 429 || problem.status >= 500;
        await this.write({
          ...item,
          state: later ? 'waiting' : 'failed',
          error: problem.status === 0 ? null : problem.message,
        });
        // No link, no session or a busy server: the rest waits too, in order.
        if (later) break;
      }
    }
    if (sent) void this.announceSent(sent);
  }

  /** The snack bar (and its overlay code) loads only when something was sent: the outbox is on
   *  every signed-in screen, the first one included. */
  private async announceSent(sent: number): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector
      .get(MatSnackBar)
      .open(sent === 1 ? 'Your unsent item was sent.' : `${sent} unsent items were sent.`, 'OK', {
        duration: 4000,
      });
  }

  private async withLock(task: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return task();
    await locks.request('peerpath-outbox', { ifAvailable: true }, async (lock) => {
      if (lock) await task();
    });
  }

  private async write(item: OutboxItem): Promise<void> {
    this.memory.set(item.key, item);
    this.all.update((items) => [...items.filter((i) => i.key !== item.key), item]);
    if (this.store) await set(item.key, item, this.store).catch(() => undefined);
  }

  private async remove(key: string): Promise<void> {
    this.memory.delete(key);
    this.all.update((items) => items.filter((i) => i.key !== key));
    if (this.store) await del(key, this.store).catch(() => undefined);
  }

  private async readAll(): Promise<OutboxItem[]> {
    if (!this.store) return [...this.memory.values()];
    try {
      return (await entries<string, OutboxItem>(this.store)).map(([, item]) => item);
    } catch {
      return [...this.memory.values()];
    }
  }
}

function openStore(): UseStore | null {
  try {
    return typeof indexedDB === 'undefined' ? null : createStore('peerpath-outbox', 'items');
  } catch {
    return null;
  }
}
