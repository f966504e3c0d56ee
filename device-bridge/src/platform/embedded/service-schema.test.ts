import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateServiceTables, serviceMigrations } from './service-schema.ts';

/**
 * SHA-256 of each migration of the `services` part as it shipped. Kiosks and platform servers in the
 * field applied exactly this text, and a new file must get the same tables as theirs: a change of
 * schema is a new entry appended to the list, never an edit of one of these.
 */
const shipped = [
  '0e59a8dc42325e7af7d24bcd94ad1b55b61cc69aa899223a5c436280391ee656',
  '7121a73cd19ff75339b5ea25a3a2e876f80dffb053713c9cb90548d3c58d0a95',
];

describe('services schema part', () => {
  it('keeps every shipped migration exactly as the field applied it', () => {
    expect(serviceMigrations.length).toBeGreaterThanOrEqual(shipped.length);
    expect(serviceMigrations.slice(0, shipped.length).map((sql) => createHash('sha256').update(sql).digest('hex'))).toEqual(shipped);
  });

  it('records its version in the services row and refuses a file from a newer build', () => {
    const db = new Database(':memory:');
    try {
      migrateServiceTables(db);
      expect(db.prepare("SELECT version FROM schema_parts WHERE name = 'services'").get()).toEqual({ version: serviceMigrations.length });
      db.prepare("UPDATE schema_parts SET version = version + 1 WHERE name = 'services'").run();
      expect(() => migrateServiceTables(db)).toThrow(/^platform service tables are newer/);
    } finally {
      db.close();
    }
  });
});
