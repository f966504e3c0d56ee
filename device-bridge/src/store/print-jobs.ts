import type { CertificateType, PrintJobState, PrintJobView } from '../api/index.ts';
import type { SqliteDatabase } from './database.ts';

interface PrintJobRow {
  id: string;
  certificate_type: CertificateType;
  certificate_number: string;
  state: PrintJobState;
  pages: number;
  pages_printed: number;
  copies: number;
  reason: string | null;
  printer_job_id: string | null;
  session_id: string | null;
  reprint_of: string | null;
  acknowledged_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A job as the print service handles it: the public view plus what only the bridge needs. */
export interface StoredPrintJob extends PrintJobView {
  printerJobId: string | null;
  sessionId: string | null;
}

function toStored(row: PrintJobRow): StoredPrintJob {
  return {
    id: row.id,
    certificateType: row.certificate_type,
    certificateNumber: row.certificate_number,
    state: row.state,
    pages: row.pages,
    pagesPrinted: row.pages_printed,
    copies: row.copies,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.reprint_of === null ? {} : { reprintOf: row.reprint_of }),
    acknowledged: row.acknowledged_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    printerJobId: row.printer_job_id,
    sessionId: row.session_id,
  };
}

/** The public view: no session id, no printer internals. */
export function publicView(job: StoredPrintJob): PrintJobView {
  const { printerJobId: _printerJobId, sessionId: _sessionId, ...view } = job;
  return view;
}

export interface NewPrintJob {
  id: string;
  certificateType: CertificateType;
  certificateNumber: string;
  pages: number;
  copies: number;
  sessionId: string | null;
  reprintOf?: string;
  createdAt: string;
}

export interface PrintJobChange {
  state: PrintJobState;
  pagesPrinted?: number;
  reason?: string | null;
  printerJobId?: string;
  updatedAt: string;
}

const unfinishedStateList: readonly PrintJobState[] = ['queued', 'submitted', 'printing', 'held'];
const unfinishedStates = `(${unfinishedStateList.map((state) => `'${state}'`).join(', ')})`;

/** Print jobs in SQLite. Holds no personal data: the document itself is in the encrypted spool. */
export function createPrintJobStore(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, certificate_type, certificate_number, state, pages, copies, session_id, reprint_of, created_at, updated_at)
     VALUES (@id, @certificateType, @certificateNumber, 'queued', @pages, @copies, @sessionId, @reprintOf, @createdAt, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE print_jobs SET state = @state, pages_printed = COALESCE(@pagesPrinted, pages_printed),
       reason = @reason, printer_job_id = COALESCE(@printerJobId, printer_job_id), updated_at = @updatedAt WHERE id = @id`,
  );
  const byId = db.prepare('SELECT * FROM print_jobs WHERE id = ?');
  const unfinished = db.prepare(`SELECT * FROM print_jobs WHERE state IN ${unfinishedStates} ORDER BY created_at, id`);
  const reprintOf = db.prepare('SELECT * FROM print_jobs WHERE reprint_of = ?');
  const needingAttention = db.prepare(
    "SELECT * FROM print_jobs WHERE state IN ('failed', 'cancelled') AND acknowledged_at IS NULL ORDER BY created_at, id",
  );
  const acknowledge = db.prepare('UPDATE print_jobs SET acknowledged_at = @at WHERE id = @id AND acknowledged_at IS NULL');
  const countByState = db.prepare('SELECT state, COUNT(*) AS count FROM print_jobs GROUP BY state');

  return {
    insert(job: NewPrintJob): StoredPrintJob {
      insert.run({ ...job, reprintOf: job.reprintOf ?? null });
      return toStored(byId.get(job.id) as PrintJobRow);
    },
    update(id: string, change: PrintJobChange): StoredPrintJob {
      update.run({
        id,
        state: change.state,
        pagesPrinted: change.pagesPrinted ?? null,
        reason: change.reason ?? null,
        printerJobId: change.printerJobId ?? null,
        updatedAt: change.updatedAt,
      });
      const row = byId.get(id) as PrintJobRow | undefined;
      if (!row) throw new Error(`print job ${id} does not exist`);
      return toStored(row);
    },
    get(id: string): StoredPrintJob | null {
      const row = byId.get(id) as PrintJobRow | undefined;
      return row ? toStored(row) : null;
    },
    /** queued, submitted, printing or held: the printer may still print it */
    isUnfinished(job: Pick<StoredPrintJob, 'state'>): boolean {
      return unfinishedStateList.includes(job.state);
    },
    unfinished(): StoredPrintJob[] {
      return (unfinished.all() as PrintJobRow[]).map(toStored);
    },
    /** the reprint of this job, if one was made (there can be only one) */
    reprintOf(id: string): StoredPrintJob | null {
      const row = reprintOf.get(id) as PrintJobRow | undefined;
      return row ? toStored(row) : null;
    },
    /** failed or cancelled jobs nobody has acknowledged yet (the technician's list) */
    needingAttention(): StoredPrintJob[] {
      return (needingAttention.all() as PrintJobRow[]).map(toStored);
    },
    acknowledge(id: string, at: string): boolean {
      return acknowledge.run({ id, at }).changes === 1;
    },
    countsByState(): Record<string, number> {
      const rows = countByState.all() as Array<{ state: string; count: number }>;
      return Object.fromEntries(rows.map((row) => [row.state, row.count]));
    },
  };
}

export type PrintJobStore = ReturnType<typeof createPrintJobStore>;
