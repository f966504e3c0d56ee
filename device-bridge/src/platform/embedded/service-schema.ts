import type { SqliteDatabase } from '../../store/database.ts';
import { migrateSchemaPart } from '../../store/schema-parts.ts';

/**
 * The service tables of the embedded platform (catalogue, applications, appointments, queue, ratings).
 * Versioned apart from the certificate tables' user_version (another part of the platform appends
 * those), in their own `schema_parts` row, so both can grow without renumbering each other.
 * Append only: never edit a shipped entry.
 */
export const serviceMigrations: readonly string[] = [
  `
  CREATE TABLE service_items (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    initials TEXT NOT NULL,
    department TEXT NOT NULL,
    kind TEXT NOT NULL,
    modes TEXT NOT NULL,
    guide TEXT NOT NULL,
    sort_order INTEGER NOT NULL
  );
  CREATE TABLE applications (
    platform_number TEXT PRIMARY KEY,
    kiosk_id TEXT,
    idempotency_key TEXT,
    request_sha256 TEXT,
    local_number TEXT,
    item_code TEXT NOT NULL REFERENCES service_items (code),
    id_number TEXT NOT NULL,
    name TEXT NOT NULL,
    form TEXT NOT NULL,
    delivery TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'window', 'online')),
    office TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    auto_progress INTEGER NOT NULL,
    UNIQUE (kiosk_id, idempotency_key)
  );
  CREATE INDEX applications_by_person ON applications (id_number);
  CREATE TABLE application_files (
    platform_number TEXT NOT NULL REFERENCES applications (platform_number),
    material_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    pdf BLOB NOT NULL
  );
  CREATE TABLE application_events (
    platform_number TEXT NOT NULL REFERENCES applications (platform_number),
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    office TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (platform_number, state)
  );
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE slots (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    hall_name TEXT NOT NULL,
    window TEXT NOT NULL,
    category TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0)
  );
  CREATE INDEX slots_by_category ON slots (category, start);
  CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    slot_id TEXT NOT NULL REFERENCES slots (id),
    item_code TEXT NOT NULL REFERENCES service_items (code),
    id_number TEXT NOT NULL,
    kiosk_id TEXT,
    state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'attended')),
    created_at TEXT NOT NULL
  );
  CREATE INDEX appointments_by_person ON appointments (id_number);
  CREATE TABLE queue_tickets (
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    category TEXT NOT NULL,
    hall_name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    ahead_at_issue INTEGER NOT NULL,
    PRIMARY KEY (day, number)
  );
  -- 好差评: the rater's identity is stored for real-name rating and never returned by any endpoint
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    case_number TEXT NOT NULL,
    item_code TEXT NOT NULL,
    channel TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
    indicators TEXT NOT NULL,
    comment TEXT,
    rated_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    rater_id_number TEXT,
    rater_name TEXT,
    UNIQUE (kiosk_id, idempotency_key)
  );
  `,
  // 2: a file's SHA-256 and size beside its bytes, which may be NULL: inside a kiosk the embedded
  // platform keeps only the digest (at-rest.ts); a sealed copy of the rater for real-name rating
  `
  CREATE TABLE application_files_v2 (
    platform_number TEXT NOT NULL REFERENCES applications (platform_number),
    material_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    -- the file (PDF of a material, PNG of the signature); NULL where only the digest is kept
    pdf BLOB,
    sha256 TEXT,
    size INTEGER NOT NULL
  );
  INSERT INTO application_files_v2 (platform_number, material_id, file_name, pdf, sha256, size)
    SELECT platform_number, material_id, file_name, pdf, NULL, length(pdf) FROM application_files;
  DROP TABLE application_files;
  ALTER TABLE application_files_v2 RENAME TO application_files;
  ALTER TABLE ratings ADD COLUMN rater_sealed TEXT;
  `,
];

export function migrateServiceTables(db: SqliteDatabase): void {
  migrateSchemaPart(db, 'services', serviceMigrations, 'platform service tables');
}
