import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/** Whether the device has a network link, as the browser reports it (navigator.onLine + events). */
@Injectable({ providedIn: 'root' })
export class Connection {
  private readonly state = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly online = this.state.asReadonly();

  constructor() {
    if (typeof window === 'undefined') return;
    const update = () => this.state.set(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    });
  }
}
