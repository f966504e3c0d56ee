/**
 * Numbered schema migrations for the embedded platform's own SQLite file. Migration i (0-based) takes
 * the database from `PRAGMA user_version = i` to `i + 1`. Append only: never edit a shipped entry.
 */
export const platformMigrations: string[] = [
  `
  CREATE TABLE certificate_types (
    type TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    service_code TEXT NOT NULL,
    sort_order INTEGER NOT NULL
  );
  CREATE TABLE citizens (
    id_number TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE contribution_accounts (
    id_number TEXT NOT NULL REFERENCES citizens (id_number),
    type TEXT NOT NULL REFERENCES certificate_types (type),
    employer TEXT NOT NULL,
    base_fen INTEGER NOT NULL CHECK (base_fen >= 0),
    employer_fen INTEGER NOT NULL CHECK (employer_fen >= 0),
    personal_fen INTEGER NOT NULL CHECK (personal_fen >= 0),
    pays_late INTEGER NOT NULL CHECK (pays_late IN (0, 1)),
    PRIMARY KEY (id_number, type)
  );
  CREATE TABLE contributions (
    id_number TEXT NOT NULL,
    type TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    employer TEXT NOT NULL,
    base_fen INTEGER NOT NULL,
    employer_fen INTEGER NOT NULL,
    personal_fen INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('paid', 'owed')),
    PRIMARY KEY (id_number, type, month),
    FOREIGN KEY (id_number, type) REFERENCES contribution_accounts (id_number, type)
  );
  -- what was issued, for later verification: masked personal data only
  CREATE TABLE issued_certificates (
    number TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    verification_code TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    masked_holder_name TEXT NOT NULL,
    masked_id_number TEXT NOT NULL
  );
  `,
];
