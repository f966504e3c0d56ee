// Looks into the bridge's SQLite store from outside, read-only, the way an auditor would: to prove
// that what the bridge acknowledged is really on disk. WAL lets us read while the bridge runs.
import Database from 'better-sqlite3';
import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const sqliteMagic = 'SQLite format 3\0';

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === sqliteMagic;
  } finally {
    closeSync(fd);
  }
}

/** Every SQLite database file under the data directory (the store's name is the bridge's business). */
export function sqliteFilesIn(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      const stats = statSync(file);
      if (stats.isDirectory()) walk(file);
      else if (stats.size >= 16 && isSqliteFile(file)) found.push(file);
    }
  };
  walk(dataDir);
  return found;
}

export interface StoredRating {
  id: string;
  grade: number;
  service_code: string;
  case_id: string;
}

/** The rating row with this id, from whichever store file has a `ratings` table, or undefined. */
export function findStoredRating(dataDir: string, ratingId: string): StoredRating | undefined {
  for (const file of sqliteFilesIn(dataDir)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const hasRatings = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ratings'").get();
      if (hasRatings === undefined) continue;
      const row = db.prepare('SELECT id, grade, service_code, case_id FROM ratings WHERE id = ?').get(ratingId) as StoredRating | undefined;
      if (row !== undefined) return row;
    } finally {
      db.close();
    }
  }
  return undefined;
}
