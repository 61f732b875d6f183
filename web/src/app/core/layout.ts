import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones (390px) and small tablets: tables turn into card lists below this width. */
export const NARROW = '(max-width: 599.98px)';
/** Below this width the navigation slides over the page instead of sitting beside it. */
export const COMPACT = '(max-width: 959.98px)';

export function injectMatches(query: string): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(query).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(query),
  });
}
