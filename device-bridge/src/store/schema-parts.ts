import type { SqliteDatabase } from './database.ts';

/**
 * Applies the migrations of one schema part not yet applied. A schema part is a group of tables that
 * shares a SQLite file with others yet is versioned on its own, in its row of `schema_parts`: the
 * file's user_version belongs to whoever opened it, and each part appends migrations without
 * renumbering anyone else's. Migration i (0-based) takes the part from version i to i + 1, in one
 * transaction with the version it records, so a crash leaves either both or neither. The list is
 * append only: databases in the field have already applied every shipped entry.
 * `tables` names the part in the error a newer database raises.
 */
export function migrateSchemaPart(db: SqliteDatabase, part: string, migrations: readonly string[], tables = `${part} tables`): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_parts WHERE name = ?').get(part) as { version: number } | undefined;
  const applied = row?.version ?? 0;
  if (applied > migrations.length) throw new Error(`${tables} are newer (${applied}) than this build (${migrations.length})`);
  const record = db.prepare(
    'INSERT INTO schema_parts (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
  );
  for (let version = applied + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      record.run(part, version);
    })();
  }
}
