import { Foundation1764230400000 } from './1764230400000-Foundation';

/** Every migration, in order. New migrations are added here so builds and tests find the same list. */
export const MIGRATIONS = [Foundation1764230400000];
