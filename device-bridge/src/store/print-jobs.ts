import type { CertificateType, PrintJobState, PrintJobView } from '../api/index.ts';
import type { SqliteDatabase } from './database.ts';

interface PrintJobRow {
  id: string;
  certificate_type: CertificateType;
  certificate_number: string;
  state: PrintJobState;
  pages: number;
  pages_printed: number;
  reason: string | null;
  created_at: string;
  updated_at: string;
}

function toView(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    certificateType: row.certificate_type,
    certificateNumber: row.certificate_number,
    state: row.state,
    pages: row.pages,
    pagesPrinted: row.pages_printed,
    ...(row.reason === null ? {} : { reason: row.reason }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewPrintJob {
  id: string;
  certificateType: CertificateType;
  certificateNumber: string;
  pages: number;
  createdAt: string;
}

export interface PrintJobChange {
  state: PrintJobState;
  pagesPrinted?: number;
  reason?: string | null;
  updatedAt: string;
}

/** Print jobs in SQLite. Holds no personal data: the document itself is in the encrypted spool. */
export function createPrintJobStore(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, certificate_type, certificate_number, state, pages, created_at, updated_at)
     VALUES (@id, @certificateType, @certificateNumber, 'queued', @pages, @createdAt, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE print_jobs SET state = @state, pages_printed = COALESCE(@pagesPrinted, pages_printed),
       reason = @reason, updated_at = @updatedAt WHERE id = @id`,
  );
  const byId = db.prepare('SELECT * FROM print_jobs WHERE id = ?');
  const unfinished = db.prepare(
    "SELECT * FROM print_jobs WHERE state IN ('queued', 'printing', 'held') ORDER BY created_at, id",
  );
  const countByState = db.prepare('SELECT state, COUNT(*) AS count FROM print_jobs GROUP BY state');

  return {
    insert(job: NewPrintJob): PrintJobView {
      insert.run(job);
      return toView(byId.get(job.id) as PrintJobRow);
    },
    update(id: string, change: PrintJobChange): PrintJobView {
      update.run({
        id,
        state: change.state,
        pagesPrinted: change.pagesPrinted ?? null,
        reason: change.reason ?? null,
        updatedAt: change.updatedAt,
      });
      const row = byId.get(id) as PrintJobRow | undefined;
      if (!row) throw new Error(`print job ${id} does not exist`);
      return toView(row);
    },
    get(id: string): PrintJobView | null {
      const row = byId.get(id) as PrintJobRow | undefined;
      return row ? toView(row) : null;
    },
    unfinished(): PrintJobView[] {
      return (unfinished.all() as PrintJobRow[]).map(toView);
    },
    countsByState(): Record<string, number> {
      const rows = countByState.all() as Array<{ state: string; count: number }>;
      return Object.fromEntries(rows.map((row) => [row.state, row.count]));
    },
  };
}

export type PrintJobStore = ReturnType<typeof createPrintJobStore>;
