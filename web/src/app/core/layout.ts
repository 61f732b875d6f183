import { DestroyRef, inject, type Signal, signal } from '@angular/core';

/** Phones (390px) and small tablets: tables turn into card lists below this width. */
export const NARROW = '(max-width: 599.98px)';
/** Below this width the navigation slides over the page instead of sitting beside it. */
export const COMPACT = '(max-width: 959.98px)';

/**
 * Whether a media query matches, kept current. Plain matchMedia: the shell uses it on every first
 * screen, and the CDK's breakpoint observer would bring its shared accessibility chunk along.
 * Where matchMedia is missing (tests), nothing matches.
 */
export function injectMatches(query: string): Signal<boolean> {
  if (typeof matchMedia !== 'function') return signal(false).asReadonly();
  const list = matchMedia(query);
  const matches = signal(list.matches);
  const changed = (event: MediaQueryListEvent) => matches.set(event.matches);
  list.addEventListener('change', changed);
  inject(DestroyRef).onDestroy(() => list.removeEventListener('change', changed));
  return matches.asReadonly();
}
