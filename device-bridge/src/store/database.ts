import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens a SQLite file for data that must survive power loss: WAL so readers never block the
 * writer, synchronous=FULL so a committed transaction is on disk before we tell anyone "OK"
 * (architecture rule 5). Applies the numbered migrations not yet applied, each in its own transaction.
 * Shared by the kiosk store and the embedded platform.
 */
export function openDatabase(
  file: string,
  migrations: readonly string[],
  onMigrated: (version: number) => void = () => {},
): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    db.close();
    throw new Error(`${file} was written by a newer version (schema ${applied}, this build knows ${migrations.length})`);
  }
  for (let version = applied + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
    onMigrated(version);
  }
  return db;
}
