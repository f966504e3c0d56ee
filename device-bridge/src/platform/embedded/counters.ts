import type { SqliteDatabase } from '../../store/database.ts';

/**
 * Named counters of the embedded platform, in one table: the day's case and ticket sequences, the
 * idempotent replays of each kiosk, and which demo data was seeded once already.
 */
export interface Counters {
  /** counts one more and answers the new value: 1 the first time */
  next(name: string): number;
  /** the value now; 0 for a counter never counted */
  value(name: string): number;
}

export function createCounters(db: SqliteDatabase): Counters {
  const next = db.prepare(
    'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  );
  const value = db.prepare('SELECT value FROM counters WHERE name = ?');
  return {
    next: (name) => (next.get(name) as { value: number }).value,
    value: (name) => (value.get(name) as { value: number } | undefined)?.value ?? 0,
  };
}
