/**
 * The kiosk's own record of the applications it took: what the citizen was told (local number,
 * later the platform's number). The applicant is findable only by a keyed hash of the ID number,
 * never the number itself, and only until the platform acknowledged the application (or 30 days
 * after it refused it). kiosk_counters numbers them per day.
 *
 * These tables began inside the outbox's schema part, whose history is append-only (kiosks in the
 * field applied it): outbox/outbox-schema.ts still lists them at the versions they were applied,
 * from the text kept here, beside the repository that reads and writes them (application-store.ts).
 */

/** outbox part, version 1 (with the outbox table and the catalogue cache) */
export const applicationTablesV1 = `
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
`;

/**
 * outbox part, version 2: the applicant hash is only kept while the kiosk must list the
 * application itself (waiting, or refused for a while); a keyed hash of key + applicant recognises a
 * repeated POST instead, so nothing links one person's visits once the platform has their case.
 * SQLite cannot drop NOT NULL in place: the table is rebuilt (request_owner and settled_at of rows
 * from before are filled in at start by applicant-retention.ts).
 */
export const applicationTablesV2 = `
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
`;
