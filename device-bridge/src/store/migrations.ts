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
  // 2 (technician + monitoring): bridge start counter, technician PIN lockout, audit log
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
  // 3 (printing): the durable job queue's full lifecycle. SQLite cannot change a CHECK in
  // place, so the table is rebuilt: states submitted/cancelled, copies, the printer system's job id
  // (a restart follows the job by it instead of sending it again), the session that asked (reprint
  // once, in the same session), and whether someone has seen a failure.
  `
  CREATE TABLE print_jobs_v3 (
    id TEXT PRIMARY KEY,
    certificate_type TEXT NOT NULL,
    certificate_number TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'submitted', 'printing', 'held', 'completed', 'failed', 'cancelled')),
    pages INTEGER NOT NULL CHECK (pages > 0),
    pages_printed INTEGER NOT NULL DEFAULT 0,
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 3),
    reason TEXT,
    printer_job_id TEXT,
    session_id TEXT,
    reprint_of TEXT,
    acknowledged_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  INSERT INTO print_jobs_v3 (id, certificate_type, certificate_number, state, pages, pages_printed, reason, created_at, updated_at)
    SELECT id, certificate_type, certificate_number, state, pages, pages_printed, reason, created_at, updated_at FROM print_jobs;
  DROP TABLE print_jobs;
  ALTER TABLE print_jobs_v3 RENAME TO print_jobs;
  CREATE INDEX print_jobs_unfinished ON print_jobs (state) WHERE state IN ('queued', 'submitted', 'printing', 'held');
  CREATE UNIQUE INDEX print_jobs_one_reprint ON print_jobs (reprint_of) WHERE reprint_of IS NOT NULL;
  `,
];
