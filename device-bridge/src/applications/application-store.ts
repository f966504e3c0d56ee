import type { SqliteDatabase } from '../store/database.ts';

/** A row of kiosk_applications (application-schema.ts). */
export interface KioskApplicationRow {
  local_number: string;
  idempotency_key: string;
  /** keyed hash of the ID number, to list the application at the kiosk; NULL once the platform has it */
  applicant_hash: string | null;
  /** keyed hash of idempotency key + applicant: recognises the same citizen's repeated POST */
  request_owner: string;
  item_code: string;
  item_name: string;
  office: string;
  submitted_at: string;
  platform_number: string | null;
  failure: string | null;
  settled_at: number | null;
}

export type NewApplicationRow = Pick<
  KioskApplicationRow,
  'local_number' | 'idempotency_key' | 'applicant_hash' | 'request_owner' | 'item_code' | 'item_name' | 'office' | 'submitted_at'
>;

/** The kiosk's record of the applications it took, and the per-day counter that numbers them. */
export function createApplicationStore(db: SqliteDatabase) {
  const byKey = db.prepare('SELECT * FROM kiosk_applications WHERE idempotency_key = ?');
  const byLocalNumber = db.prepare('SELECT * FROM kiosk_applications WHERE local_number = ?');
  const byApplicant = db.prepare('SELECT * FROM kiosk_applications WHERE applicant_hash = ? ORDER BY submitted_at DESC');
  const insert = db.prepare(
    `INSERT INTO kiosk_applications (local_number, idempotency_key, applicant_hash, request_owner, item_code, item_name, office, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const nextCounter = db.prepare(
    'INSERT INTO kiosk_counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  );
  // the platform has the case now and lists it itself: the kiosk forgets whose it was
  const setPlatformNumber = db.prepare(
    'UPDATE kiosk_applications SET platform_number = ?, applicant_hash = NULL, settled_at = ? WHERE idempotency_key = ?',
  );
  const setFailure = db.prepare('UPDATE kiosk_applications SET failure = ?, settled_at = ? WHERE idempotency_key = ?');

  return {
    byKey: (idempotencyKey: string) => (byKey.get(idempotencyKey) as KioskApplicationRow | undefined) ?? null,
    byApplicant: (applicantHash: string) => byApplicant.all(applicantHash) as KioskApplicationRow[],
    insert(row: NewApplicationRow): void {
      insert.run(
        row.local_number,
        row.idempotency_key,
        row.applicant_hash,
        row.request_owner,
        row.item_code,
        row.item_name,
        row.office,
        row.submitted_at,
      );
    },
    /** what the platform knows an application by: its own number once delivered (ratings link to it) */
    caseNumberOf(localNumber: string): { kind: 'platform'; number: string } | { kind: 'waiting' } | { kind: 'unknown' } {
      const row = byLocalNumber.get(localNumber) as KioskApplicationRow | undefined;
      if (!row || row.failure) return { kind: 'unknown' };
      return row.platform_number ? { kind: 'platform', number: row.platform_number } : { kind: 'waiting' };
    },
    /** the next number of a named counter (1, 2, …), durable across restarts */
    nextNumber: (counter: string) => (nextCounter.get(counter) as { value: number }).value,
    acknowledged(idempotencyKey: string, platformNumber: string, at: number): void {
      setPlatformNumber.run(platformNumber, at, idempotencyKey);
    },
    refused(idempotencyKey: string, reason: string, at: number): void {
      setFailure.run(reason, at, idempotencyKey);
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
