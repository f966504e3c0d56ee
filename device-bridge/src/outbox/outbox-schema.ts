import type { SqliteDatabase } from '../store/database.ts';

/**
 * The outbox tables in the kiosk's own store. Versioned in their own `schema_parts` row (not the
 * store's user_version, which print jobs and others append to), append only.
 * - outbox: one row per side effect toward the platform; payload sealed (AES-256-GCM), dropped once
 *   the platform acknowledged it. outbox_schedule: the lease and backoff of each row still pending.
 * - kiosk_applications: what the citizen was told (local number, later the platform's number). The
 *   applicant is findable only by a keyed hash of the ID number, never the number itself, and only
 *   until the platform acknowledged the application (or 30 days after it refused it).
 */
export const outboxMigrations: readonly string[] = [
  `
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('application', 'rating')),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload BLOB,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    result TEXT
  );
  CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
  CREATE TABLE kiosk_applications (
    local_number TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE REFERENCES outbox (idempotency_key),
    applicant_hash TEXT NOT NULL,
    item_code TEXT NOT NULL,
    item_name TEXT NOT NULL,
    office TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    platform_number TEXT,
    failure TEXT
  );
  CREATE INDEX kiosk_applications_by_applicant ON kiosk_applications (applicant_hash);
  CREATE TABLE kiosk_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE catalogue_cache (code TEXT PRIMARY KEY, item TEXT NOT NULL, fetched_at INTEGER NOT NULL);
  `,
  // 2: the applicant hash is only kept while the kiosk must list the application itself (waiting,
  // or refused for a while); a keyed hash of key + applicant recognises a repeated POST instead, so
  // nothing links one person's visits once the platform has their case. SQLite cannot drop NOT NULL
  // in place: the table is rebuilt (request_owner and settled_at are filled in by kiosk-services).
  `
  CREATE TABLE kiosk_applications_v2 (
    local_number TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE REFERENCES outbox (idempotency_key),
    applicant_hash TEXT,
    request_owner TEXT,
    item_code TEXT NOT NULL,
    item_name TEXT NOT NULL,
    office TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    platform_number TEXT,
    failure TEXT,
    settled_at INTEGER
  );
  INSERT INTO kiosk_applications_v2 (local_number, idempotency_key, applicant_hash, item_code, item_name, office, submitted_at, platform_number, failure)
    SELECT local_number, idempotency_key, applicant_hash, item_code, item_name, office, submitted_at, platform_number, failure FROM kiosk_applications;
  DROP TABLE kiosk_applications;
  ALTER TABLE kiosk_applications_v2 RENAME TO kiosk_applications;
  CREATE INDEX kiosk_applications_by_applicant ON kiosk_applications (applicant_hash) WHERE applicant_hash IS NOT NULL;
  `,
  // 3: a waiting row's schedule (lease, attempts, next attempt, last error) in its own small table.
  // In the outbox row, every lease and retry rewrote the whole record, sealed scans and all (SQLite
  // writes a record anew when its size changes): with a few hundred MB of applications waiting out
  // an outage, most of the relay's time and the kiosk's flash writes went to rewriting the same
  // blobs. A schedule row exists while its outbox row is pending; outbox.attempts and last_error
  // keep the final count and refusal once it is settled.
  `
  CREATE TABLE outbox_schedule (
    outbox_id INTEGER PRIMARY KEY REFERENCES outbox (id),
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_until INTEGER,
    last_error TEXT
  );
  INSERT INTO outbox_schedule (outbox_id, attempts, next_attempt_at, lease_until, last_error)
    SELECT id, attempts, next_attempt_at, lease_until, last_error FROM outbox WHERE state = 'pending';
  CREATE INDEX outbox_schedule_due ON outbox_schedule (next_attempt_at);
  DROP INDEX outbox_due;
  ALTER TABLE outbox DROP COLUMN next_attempt_at;
  ALTER TABLE outbox DROP COLUMN lease_until;
  `,
];

export function migrateOutboxTables(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const row = db.prepare("SELECT version FROM schema_parts WHERE name = 'outbox'").get() as { version: number } | undefined;
  const applied = row?.version ?? 0;
  if (applied > outboxMigrations.length)
    throw new Error(`outbox tables are newer (${applied}) than this build (${outboxMigrations.length})`);
  for (let version = applied + 1; version <= outboxMigrations.length; version++) {
    db.transaction(() => {
      db.exec(outboxMigrations[version - 1]!);
      db.prepare(
        "INSERT INTO schema_parts (name, version) VALUES ('outbox', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version",
      ).run(version);
    })();
  }
}
