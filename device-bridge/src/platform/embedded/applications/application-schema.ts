/**
 * The applications' share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const applicationSchema = {
  1: `
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
  );`,
  // a file's SHA-256 and size beside its bytes, which may be NULL: inside a kiosk the embedded
  // platform keeps only the digest (at-rest.ts)
  2: `
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
  ALTER TABLE application_files_v2 RENAME TO application_files;`,
} as const;
