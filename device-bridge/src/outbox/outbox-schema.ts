import type { SqliteDatabase } from '../store/database.ts';
import { migrateSchemaPart } from '../store/schema-parts.ts';
import { applicationTablesV1, applicationTablesV2 } from '../applications/application-schema.ts';
import { catalogueCacheTableV1 } from '../catalogue/catalogue-cache-schema.ts';

/**
 * The outbox tables in the kiosk's own store. Versioned in their own `schema_parts` row (not the
 * store's user_version, which print jobs and others append to), append only.
 * - outbox: one row per side effect toward the platform; payload sealed (AES-256-GCM), dropped once
 *   the platform acknowledged it. outbox_schedule: the lease and backoff of each row still pending.
 * This part also created the kiosk's application and catalogue-cache tables before they had modules
 * of their own; kiosks in the field applied it so, so it still does, from the text those modules
 * keep beside their repositories. A new change to one of their tables goes in this list too, at the
 * end, with its text beside its repository.
 */

/** version 1 */
const outboxTableV1 = `
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
`;

/**
 * Version 3: a waiting row's schedule (lease, attempts, next attempt, last error) in its own small
 * table. In the outbox row, every lease and retry rewrote the whole record, sealed scans and all
 * (SQLite writes a record anew when its size changes): with a few hundred MB of applications
 * waiting out an outage, most of the relay's time and the kiosk's flash writes went to rewriting
 * the same blobs. A schedule row exists while its outbox row is pending; outbox.attempts and
 * last_error keep the final count and refusal once it is settled.
 */
const outboxScheduleV3 = `
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
`;

export const outboxMigrations: readonly string[] = [
  outboxTableV1 + applicationTablesV1 + catalogueCacheTableV1,
  applicationTablesV2,
  outboxScheduleV3,
];

export function migrateOutboxTables(db: SqliteDatabase): void {
  migrateSchemaPart(db, 'outbox', outboxMigrations);
}
