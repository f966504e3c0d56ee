import type { ApplicationState } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';

export interface ApplicationRow {
  platform_number: string;
  kiosk_id: string | null;
  idempotency_key: string | null;
  request_sha256: string | null;
  local_number: string | null;
  item_code: string;
  channel: 'kiosk' | 'window' | 'online';
  office: string;
  submitted_at: string;
  accepted_at: string;
  auto_progress: number;
}

export interface EventRow {
  state: string;
  at: string;
  office: string;
  note: string | null;
}

/** an application delivered by a kiosk; idNumber, name and form as stored (AtRest) */
export interface NewKioskApplication {
  platformNumber: string;
  kioskId: string;
  idempotencyKey: string;
  requestSha256: string;
  localNumber: string;
  itemCode: string;
  idNumber: string;
  name: string;
  form: string;
  delivery: 'collect' | 'post';
  office: string;
  submittedAt: string;
  acceptedAt: string;
}

/** a file of a case: `bytes` null where only its digest and size are kept */
export interface NewFile {
  platformNumber: string;
  materialId: string;
  fileName: string;
  bytes: Buffer | null;
  sha256: string;
  size: number;
}

/** a case applied for at the window or online, with its whole timeline; it does not move on by itself */
export interface PastCase {
  platformNumber: string;
  itemCode: string;
  idNumber: string;
  name: string;
  form: string;
  channel: 'window' | 'online';
  office: string;
  submittedAt: string;
  acceptedAt: string;
  events: { state: ApplicationState; at: string; note: string | null }[];
}

export interface Delivery {
  idempotencyKey: string;
  localNumber: string;
  platformNumber: string;
  acceptedAt: string;
}

/** The applications, their files and their timelines. */
export interface ApplicationRepository {
  byKey(kioskId: string, idempotencyKey: string): ApplicationRow | undefined;
  insert(application: NewKioskApplication): void;
  insertFile(file: NewFile): void;
  /** a step of a case's timeline; a state the case already reached is kept as it was */
  addEvent(platformNumber: string, state: ApplicationState, at: string, office: string): void;
  /** a person's cases, newest first; idNumber and name as stored */
  ofPerson(idNumber: string, name: string): ApplicationRow[];
  eventsOf(platformNumber: string): EventRow[];
  deliveriesOf(kioskId: string): Delivery[];
  countOf(kioskId: string): number;
  recordPastCase(pastCase: PastCase): void;
}

export function createApplicationRepository(db: SqliteDatabase): ApplicationRepository {
  const byKey = db.prepare('SELECT * FROM applications WHERE kiosk_id = ? AND idempotency_key = ?');
  const insert = db.prepare(
    `INSERT INTO applications (platform_number, kiosk_id, idempotency_key, request_sha256, local_number, item_code, id_number, name,
       form, delivery, channel, office, submitted_at, accepted_at, auto_progress)
     VALUES (@platformNumber, @kioskId, @idempotencyKey, @requestSha256, @localNumber, @itemCode, @idNumber, @name,
       @form, @delivery, 'kiosk', @office, @submittedAt, @acceptedAt, 1)`,
  );
  const insertPast = db.prepare(
    `INSERT INTO applications (platform_number, kiosk_id, idempotency_key, request_sha256, local_number, item_code, id_number, name,
       form, delivery, channel, office, submitted_at, accepted_at, auto_progress)
     VALUES (?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, 'collect', ?, ?, ?, ?, 0)`,
  );
  const insertFile = db.prepare(
    'INSERT INTO application_files (platform_number, material_id, file_name, pdf, sha256, size) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const addEvent = db.prepare('INSERT OR IGNORE INTO application_events (platform_number, state, at, office, note) VALUES (?, ?, ?, ?, ?)');
  const insertPastEvent = db.prepare('INSERT INTO application_events (platform_number, state, at, office, note) VALUES (?, ?, ?, ?, ?)');
  const ofPerson = db.prepare('SELECT * FROM applications WHERE id_number = ? AND name = ? ORDER BY submitted_at DESC');
  const eventsOf = db.prepare('SELECT state, at, office, note FROM application_events WHERE platform_number = ? ORDER BY at, rowid');
  const deliveriesOf = db.prepare(
    'SELECT idempotency_key, local_number, platform_number, accepted_at FROM applications WHERE kiosk_id = ? ORDER BY accepted_at',
  );
  const countOf = db.prepare('SELECT count(*) AS n FROM applications WHERE kiosk_id = ?');

  return {
    byKey: (kioskId, idempotencyKey) => byKey.get(kioskId, idempotencyKey) as ApplicationRow | undefined,
    insert(application) {
      insert.run(application);
    },
    insertFile(file) {
      insertFile.run(file.platformNumber, file.materialId, file.fileName, file.bytes, file.sha256, file.size);
    },
    addEvent(platformNumber, state, at, office) {
      addEvent.run(platformNumber, state, at, office, null);
    },
    ofPerson: (idNumber, name) => ofPerson.all(idNumber, name) as ApplicationRow[],
    eventsOf: (platformNumber) => eventsOf.all(platformNumber) as EventRow[],
    deliveriesOf: (kioskId) =>
      (deliveriesOf.all(kioskId) as { idempotency_key: string; local_number: string; platform_number: string; accepted_at: string }[]).map(
        (row) => ({
          idempotencyKey: row.idempotency_key,
          localNumber: row.local_number,
          platformNumber: row.platform_number,
          acceptedAt: row.accepted_at,
        }),
      ),
    countOf: (kioskId) => (countOf.get(kioskId) as { n: number }).n,
    recordPastCase(pastCase) {
      const { platformNumber, office } = pastCase;
      insertPast.run(
        platformNumber,
        pastCase.itemCode,
        pastCase.idNumber,
        pastCase.name,
        pastCase.form,
        pastCase.channel,
        office,
        pastCase.submittedAt,
        pastCase.acceptedAt,
      );
      for (const event of pastCase.events) insertPastEvent.run(platformNumber, event.state, event.at, office, event.note);
    },
  };
}
