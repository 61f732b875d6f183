import { daysBetween, LABELS, type Milestone, nextMilestone } from '@peerpath/contracts';
import { localToday } from '../core/clinic-clock';

export { localToday };

interface Named {
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

/** The name the client goes by: preferred (or first) name and last name. */
export function displayName(client: Named): string {
  return `${client.preferredName?.trim() || client.firstName} ${client.lastName}`;
}

/** Lower case without accents, for searching names as people type them. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function matchesName(client: Named, query: string): boolean {
  const q = foldForSearch(query);
  if (!q) return true;
  const names = foldForSearch(`${client.firstName} ${client.preferredName ?? ''} ${client.lastName}`);
  return q.split(/\s+/).every((part) => names.includes(part));
}

/** Whole years from a YYYY-MM-DD date of birth to today. */
export function ageFrom(dateOfBirth: string, today = localToday()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export interface Recovery {
  days: number;
  next: Milestone | null;
}

export function recoveryFrom(start: string | null, today = localToday()): Recovery | null {
  if (!start) return null;
  return { days: daysBetween(start, today), next: nextMilestone(start, today) };
}

export function milestoneText(next: Milestone | null): string {
  if (!next) return '';
  if (next.inDays === 0) return `${next.label} today`;
  return `${next.label} in ${next.inDays} day${next.inDays === 1 ? '' : 's'}`;
}

export function label(value: string | null | undefined): string {
  return value ? (LABELS[value] ?? value) : '';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
