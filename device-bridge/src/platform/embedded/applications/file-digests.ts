import type { SqliteDatabase } from '../../../store/database.ts';
import { sha256Hex } from '../at-rest.ts';

/** files stored before the services part's migration 2 get their digest (the bytes are still there to take it from) */
export function fillFileDigests(db: SqliteDatabase): void {
  const missing = db.prepare('SELECT rowid, pdf FROM application_files WHERE sha256 IS NULL AND pdf IS NOT NULL').all() as {
    rowid: number;
    pdf: Buffer;
  }[];
  if (missing.length === 0) return;
  const fill = db.prepare('UPDATE application_files SET sha256 = ? WHERE rowid = ?');
  db.transaction(() => missing.forEach((row) => fill.run(sha256Hex(row.pdf), row.rowid)))();
}
