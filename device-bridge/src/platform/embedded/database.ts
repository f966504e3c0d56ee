import Database from 'better-sqlite3';
import { platformMigrations } from './migrations.ts';

export type PlatformDatabase = Database.Database;

/**
 * Opens (creating if needed) the embedded platform's SQLite file and brings its schema up to date.
 * WAL keeps readers off the writer's back; synchronous = FULL because an issued certificate that a
 * receiver later cannot verify is worse than a slower commit.
 */
export function openPlatformDatabase(file: string, migrations: readonly string[] = platformMigrations): PlatformDatabase {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs every migration past the file's user_version, all in one transaction so a crash leaves the old schema. */
function applyMigrations(db: PlatformDatabase, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`platform database is at schema version ${current}, newer than this build (${migrations.length})`);
  }
  if (current === migrations.length) return;
  db.transaction(() => {
    for (let version = current; version < migrations.length; version++) {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  })();
}
