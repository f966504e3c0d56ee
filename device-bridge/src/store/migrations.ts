/**
 * Numbered migrations of the kiosk's own store. Append only: a shipped migration never changes,
 * because kiosks in the field have already applied it. PRAGMA user_version records how many ran.
 */
export const storeMigrations: readonly string[] = [
  // 1: print jobs and ratings
  `
  CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY,
    certificate_type TEXT NOT NULL,
    certificate_number TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'held', 'completed', 'failed')),
    pages INTEGER NOT NULL CHECK (pages > 0),
    pages_printed INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX print_jobs_unfinished ON print_jobs (state) WHERE state IN ('queued', 'printing', 'held');

  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
    service_code TEXT NOT NULL,
    case_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // 2 (issue 7, technician + monitoring): bridge start counter, technician PIN lockout, audit log
  `
  CREATE TABLE bridge_starts (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL);
  CREATE TABLE technician_lockout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failed_attempts INTEGER NOT NULL,
    locked_until TEXT
  );
  CREATE TABLE technician_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT
  );
  `,
];
