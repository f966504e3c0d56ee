import type { SqliteDatabase } from '../store/database.ts';

/**
 * Counts bridge starts in SQLite so a restart loop shows in metrics even though every process
 * starts its own counters at zero. Returns the count including this start.
 */
export function recordBridgeStart(db: SqliteDatabase): number {
  return db.transaction(() => {
    db.prepare('INSERT INTO bridge_starts (id, count) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET count = count + 1').run();
    return (db.prepare('SELECT count FROM bridge_starts WHERE id = 1').get() as { count: number }).count;
  })();
}
