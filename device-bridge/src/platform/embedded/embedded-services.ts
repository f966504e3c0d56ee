import { createRequire } from 'node:module';
import {
  applicationStateSchema,
  type ApplicationState,
  type ApplicationView,
  type CatalogueQuery,
  type QueueStatus,
  type TimelineEntry,
} from '../../api/index.ts';
import type { SqliteDatabase } from '../../store/database.ts';
import type { Clock } from '../../time/clock.ts';
import { formatChinaDate, formatChinaIso } from '../china-time.ts';
import { PlatformRejection, type Applicant, type SubmitApplication } from '../contract.ts';
import type { ServicePlatform } from '../service-platform.ts';
import { formProblem, materialProblem } from '../application-check.ts';
import { fixtureCitizen } from './fixtures.ts';
import { catalogueSeed, catalogueSeedCodes } from './seed-catalogue.ts';
import { migrateServiceTables } from './service-schema.ts';
import { isHashed, isSealed, platformAtRest, sha256Hex, type AtRest } from './at-rest.ts';
import { createAppointmentRepository, type AppointmentRepository } from './appointments/appointment-repository.ts';
import { createAppointments } from './appointments/appointments.ts';
import { createCheckIn } from './appointments/check-in.ts';
import { createCatalogue } from './catalogue/catalogue.ts';
import { createCounters } from './counters.ts';
import { dayMs, hourMs } from './durations.ts';
import { createReplayLog, requestDigest } from './idempotency.ts';
import { createQueue } from './queue/queue.ts';
import { createRatings } from './ratings/ratings.ts';

/** lower-case pinyin initials of a Chinese name: 社保参保 → sbcb (letters/digits kept as they are) */
export function pinyinInitials(name: string): string {
  // pinyin-pro's dictionary is ~16 MB in memory; it is only needed to seed, so it is required on first use
  const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

interface ApplicationRow {
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

/** a PDF starts with its header, %PDF-1.x (ISO 32000 §7.5.2) */
function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

export interface EmbeddedServices {
  /** the platform as one kiosk sees it */
  forKiosk(kioskId: string): ServicePlatform;
  /** what this kiosk delivered (reconciliation after a crash; each kiosk sees only its own) */
  deliveries(kioskId: string): { idempotencyKey: string; localNumber: string; platformNumber: string; acceptedAt: string }[];
  /** counts for tests and the bench: how many times each application idempotency key was stored */
  applicationCount(kioskId: string): number;
  /**
   * how many writes from this kiosk were repeats of a key already accepted, answered with the first
   * result (the kiosk sent again after it had lost the answer, e.g. it was killed mid-delivery)
   */
  idempotentReplays(kioskId: string): number;
}

/**
 * Catalogue, applications, appointments, queue and ratings of the embedded platform, on its SQLite
 * file. Idempotency keys are per kiosk (two kiosks may well draw the same UUID prefix scheme), and
 * the same key with a different body is refused rather than silently answered with the first result.
 */
export function createEmbeddedServices(db: SqliteDatabase, clock: Clock, atRest: AtRest = platformAtRest): EmbeddedServices {
  migrateServiceTables(db);
  fillFileDigests(db);
  if (atRest.inKiosk) keepNothingClear(db, atRest);
  seedCatalogue(db);
  seedCaseHistory(db, clock.now(), atRest);

  const catalogue = createCatalogue(db);
  const requireItem = (code: string) => catalogue.requireItem(code);
  const counters = createCounters(db);
  const replays = createReplayLog(counters);
  const ratings = createRatings(db, catalogue, replays, atRest);
  const appByKey = db.prepare('SELECT * FROM applications WHERE kiosk_id = ? AND idempotency_key = ?');
  const insertApp = db.prepare(
    `INSERT INTO applications (platform_number, kiosk_id, idempotency_key, request_sha256, local_number, item_code, id_number, name,
       form, delivery, channel, office, submitted_at, accepted_at, auto_progress)
     VALUES (@platformNumber, @kioskId, @idempotencyKey, @requestSha256, @localNumber, @itemCode, @idNumber, @name,
       @form, @delivery, 'kiosk', @office, @submittedAt, @acceptedAt, 1)`,
  );
  const insertFileRow = db.prepare(
    'INSERT INTO application_files (platform_number, material_id, file_name, pdf, sha256, size) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertFile = (platformNumber: string, materialId: string, fileName: string, bytes: Buffer) =>
    insertFileRow.run(platformNumber, materialId, fileName, atRest.fileBytes(bytes), sha256Hex(bytes), bytes.length);
  const insertEvent = db.prepare(
    'INSERT OR IGNORE INTO application_events (platform_number, state, at, office, note) VALUES (?, ?, ?, ?, ?)',
  );
  const appsOfPerson = db.prepare('SELECT * FROM applications WHERE id_number = ? AND name = ? ORDER BY submitted_at DESC');
  const eventsOf = db.prepare('SELECT state, at, office, note FROM application_events WHERE platform_number = ? ORDER BY at, rowid');
  const deliveriesOf = db.prepare(
    'SELECT idempotency_key, local_number, platform_number, accepted_at FROM applications WHERE kiosk_id = ? ORDER BY accepted_at',
  );

  /**
   * Applications move on by themselves in the demo platform: accepted when delivered, in review two
   * hours later, approved and completed by the promised limit (即办件: within the hour).
   */
  function advance(row: ApplicationRow, now: Date): void {
    if (row.auto_progress !== 1) return;
    const item = requireItem(row.item_code);
    const accepted = Date.parse(row.accepted_at);
    const promisedMs = item.guide.promisedLimitDays * dayMs;
    const schedule: [ApplicationState, number][] =
      item.guide.promisedLimitDays === 0
        ? [['completed', accepted + hourMs]]
        : [
            ['in-review', accepted + 2 * hourMs],
            ['approved', accepted + promisedMs - 2 * hourMs],
            ['completed', accepted + promisedMs],
          ];
    for (const [state, at] of schedule) {
      if (at <= now.getTime()) insertEvent.run(row.platform_number, state, formatChinaIso(new Date(at)), row.office, null);
    }
  }

  function toView(row: ApplicationRow, now: Date): ApplicationView {
    advance(row, now);
    const item = requireItem(row.item_code);
    const timeline = (eventsOf.all(row.platform_number) as { state: string; at: string; office: string; note: string | null }[]).map(
      (event): TimelineEntry => ({
        state: applicationStateSchema.parse(event.state),
        at: event.at,
        office: event.office,
        ...(event.note ? { note: event.note } : {}),
      }),
    );
    return {
      caseNumber: row.platform_number,
      caseNumberKind: 'platform',
      localNumber: row.local_number,
      itemCode: row.item_code,
      itemName: item.name,
      state: timeline[timeline.length - 1]?.state ?? 'received',
      submittedAt: row.submitted_at,
      office: row.office,
      timeline,
      channel: row.channel,
    };
  }

  function newPlatformNumber(now: Date): string {
    const day = formatChinaDate(now).replaceAll('-', '');
    const value = counters.next(`application-${day}`);
    return `3301${day}${String(value).padStart(6, '0')}`;
  }

  const submitApplication = db.transaction((kioskId: string, application: SubmitApplication, now: Date) => {
    const requestSha256 = requestDigest(application);
    const existing = appByKey.get(kioskId, application.idempotencyKey) as ApplicationRow | undefined;
    if (existing) {
      if (existing.request_sha256 !== requestSha256) {
        throw new PlatformRejection('idempotency-conflict', 'this Idempotency-Key was already used for a different application', 422);
      }
      replays.record(kioskId);
      const item = requireItem(existing.item_code);
      const view = toView(existing, now);
      return {
        platformNumber: existing.platform_number,
        itemName: item.name,
        state: view.state,
        acceptedAt: existing.accepted_at,
        office: existing.office,
      };
    }
    const item = requireItem(application.itemCode);
    if (!item.modes.includes('apply')) {
      throw new PlatformRejection('item-not-applicable', `${item.name} is not applied for at a kiosk; see its guide`, 409);
    }
    // the platform checks against its own guide: a kiosk's word that the form is complete is not enough
    const problem =
      formProblem(item.guide.formFields, application.form) ??
      materialProblem(
        item.guide.materials,
        application.materials.map((file) => file.materialId),
      );
    if (problem) throw new PlatformRejection('bad-request', problem, 400);
    for (const file of application.materials) {
      if (!isPdf(Buffer.from(file.pdfBase64, 'base64')))
        throw new PlatformRejection('bad-request', `materials.${file.materialId}: not a PDF`, 400);
    }
    const platformNumber = newPlatformNumber(now);
    const acceptedAt = formatChinaIso(now);
    insertApp.run({
      platformNumber,
      kioskId,
      idempotencyKey: application.idempotencyKey,
      requestSha256,
      localNumber: application.localNumber,
      itemCode: item.code,
      idNumber: atRest.idNumber(application.applicant.idNumber),
      name: atRest.name(application.applicant.name),
      form: atRest.sealText(JSON.stringify(application.form), `form:${platformNumber}`),
      delivery: application.delivery,
      office: item.guide.office,
      submittedAt: application.submittedAt,
      acceptedAt,
    });
    for (const file of application.materials) {
      insertFile(platformNumber, file.materialId, file.fileName, Buffer.from(file.pdfBase64, 'base64'));
    }
    // the handwritten signature is kept with the case's files (the column holds any file's bytes)
    if (application.signaturePngBase64) {
      insertFile(platformNumber, 'signature', 'signature.png', Buffer.from(application.signaturePngBase64, 'base64'));
    }
    insertEvent.run(platformNumber, 'received', application.submittedAt, `自助终端 ${kioskId}`, null);
    insertEvent.run(platformNumber, 'accepted', acceptedAt, item.guide.office, null);
    return { platformNumber, itemName: item.name, state: 'accepted' as const, acceptedAt, office: item.guide.office };
  });

  const appointmentRecords = createAppointmentRepository(db);
  const appointments = createAppointments(db, appointmentRecords, clock, catalogue, atRest);
  seedDemoAppointment(db, appointmentRecords, clock, atRest);
  const queue = createQueue(db, clock, counters);
  const checkIn = createCheckIn(db, clock, appointments, queue);

  return {
    forKiosk(kioskId: string): ServicePlatform {
      return {
        listServiceItems: async (query: CatalogueQuery) => catalogue.list(query),
        getServiceItem: async (code: string) => catalogue.find(code),
        async submitApplication(application) {
          return submitApplication(kioskId, application, clock.now());
        },
        async listApplications(applicant: Applicant) {
          const now = clock.now();
          return (appsOfPerson.all(atRest.idNumber(applicant.idNumber), atRest.name(applicant.name)) as ApplicationRow[]).map((row) =>
            toView(row, now),
          );
        },
        submitRating: async (rating) => ratings.submit(kioskId, rating, clock.now()),
        listSlots: async (itemCode, date) => appointments.slots(itemCode, date),
        bookAppointment: async (booking) => appointments.book(kioskId, booking.applicant, booking.slotId, booking.itemCode),
        cancelAppointment: async (applicant, id) => appointments.cancel(applicant, id),
        listAppointments: async (applicant) => appointments.mine(applicant),
        takeQueueNumber: async (request) => queue.take(kioskId, atRest.idNumber(request.applicant.idNumber), request.category),
        queueStatus: async (number: string): Promise<QueueStatus | null> => queue.status(number),
        findAppointment: async (id: string) => checkIn.find(id),
        checkInAppointment: async (id: string) => checkIn.checkIn(kioskId, id),
      };
    },
    deliveries(kioskId: string) {
      return (
        deliveriesOf.all(kioskId) as { idempotency_key: string; local_number: string; platform_number: string; accepted_at: string }[]
      ).map((row) => ({
        idempotencyKey: row.idempotency_key,
        localNumber: row.local_number,
        platformNumber: row.platform_number,
        acceptedAt: row.accepted_at,
      }));
    },
    applicationCount(kioskId: string) {
      return (db.prepare('SELECT count(*) AS n FROM applications WHERE kiosk_id = ?').get(kioskId) as { n: number }).n;
    },
    idempotentReplays: (kioskId: string) => replays.count(kioskId),
  };
}

function seedCatalogue(db: SqliteDatabase): void {
  const codes = catalogueSeedCodes();
  const stored = db.prepare(`SELECT count(*) AS n FROM service_items WHERE code IN (${codes.map(() => '?').join(', ')})`).get(...codes) as {
    n: number;
  };
  if (stored.n === codes.length) return;
  const insert = db.prepare(
    `INSERT OR IGNORE INTO service_items (code, name, category, initials, department, kind, modes, guide, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    catalogueSeed(pinyinInitials).forEach((item, index) =>
      insert.run(
        item.code,
        item.name,
        item.category,
        item.initials,
        item.department,
        item.kind,
        JSON.stringify(item.modes),
        JSON.stringify(item.guide),
        index,
      ),
    );
  })();
}

/**
 * Applications the demo citizens already have at the window or online, so progress shows something
 * the first time: placed relative to the first open, kept as they are afterwards.
 */
function seedCaseHistory(db: SqliteDatabase, now: Date, atRest: AtRest): void {
  const seeded = db.prepare("SELECT 1 FROM counters WHERE name = 'seeded-history'").get();
  if (seeded) return;
  const item = (code: string) => db.prepare('SELECT guide FROM service_items WHERE code = ?').get(code) as { guide: string };
  const office = (code: string) => (JSON.parse(item(code).guide) as { office: string }).office;
  const insertApp = db.prepare(
    `INSERT INTO applications (platform_number, kiosk_id, idempotency_key, request_sha256, local_number, item_code, id_number, name,
       form, delivery, channel, office, submitted_at, accepted_at, auto_progress)
     VALUES (?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, 'collect', ?, ?, ?, ?, 0)`,
  );
  const insertEvent = db.prepare('INSERT INTO application_events (platform_number, state, at, office, note) VALUES (?, ?, ?, ?, ?)');
  const ago = (days: number) => formatChinaIso(new Date(now.getTime() - days * dayMs));
  const cases: {
    number: string;
    fixture: string;
    code: string;
    channel: 'window' | 'online';
    events: [ApplicationState, number, string?][];
  }[] = [
    {
      number: '3301000000000101',
      fixture: 'zhang-wei',
      code: '330100-GJ-00312-001',
      channel: 'online',
      events: [
        ['received', 3],
        ['accepted', 3],
        ['in-review', 2],
      ],
    },
    {
      number: '3301000000000102',
      fixture: 'li-na',
      code: '330100-HJ-00530-000',
      channel: 'window',
      events: [
        ['received', 6],
        ['accepted', 6],
        ['in-review', 5],
        ['supplement-needed', 4, '请补充提交劳动合同或社保缴纳证明（就业证明）'],
      ],
    },
    {
      number: '3301000000000103',
      fixture: 'zhao-guilan',
      code: '330100-MZ-00730-000',
      channel: 'window',
      events: [
        ['received', 20],
        ['accepted', 20],
        ['in-review', 18],
        ['approved', 12],
        ['completed', 11],
      ],
    },
  ];
  db.transaction(() => {
    for (const entry of cases) {
      const { card } = fixtureCitizen(entry.fixture);
      const where = office(entry.code);
      insertApp.run(
        entry.number,
        entry.code,
        atRest.idNumber(card.idNumber),
        atRest.name(card.name),
        atRest.sealText('{}', `form:${entry.number}`),
        entry.channel,
        where,
        ago(entry.events[0]![1]),
        ago(entry.events[1]![1]),
      );
      for (const [state, days, note] of entry.events) insertEvent.run(entry.number, state, ago(days), where, note ?? null);
    }
    db.prepare("INSERT INTO counters (name, value) VALUES ('seeded-history', 1)").run();
  })();
}

/** A demo citizen already holds an appointment (身份证换领), so "my appointments" is not empty at first. */
function seedDemoAppointment(db: SqliteDatabase, records: AppointmentRepository, clock: Clock, atRest: AtRest): void {
  if (db.prepare("SELECT 1 FROM counters WHERE name = 'seeded-appointments'").get()) return;
  records.ensureSlots(clock.now());
  const first = records.firstSlotOf('household');
  if (first) {
    const { card } = fixtureCitizen('chen-expired');
    records.insert({
      id: 'YY000000000001',
      slotId: first.id,
      itemCode: '330100-HJ-00501-000',
      person: atRest.idNumber(card.idNumber),
      kioskId: null,
      createdAt: formatChinaIso(clock.now()),
    });
  }
  db.prepare("INSERT INTO counters (name, value) VALUES ('seeded-appointments', 1)").run();
}

/** files stored before migration 2 get their digest (the bytes are still there to take it from) */
function fillFileDigests(db: SqliteDatabase): void {
  const missing = db.prepare('SELECT rowid, pdf FROM application_files WHERE sha256 IS NULL AND pdf IS NOT NULL').all() as {
    rowid: number;
    pdf: Buffer;
  }[];
  if (missing.length === 0) return;
  const fill = db.prepare('UPDATE application_files SET sha256 = ? WHERE rowid = ?');
  db.transaction(() => missing.forEach((row) => fill.run(sha256Hex(row.pdf), row.rowid)))();
}

/**
 * Inside a kiosk: whatever an older build (or a file copied from a platform server) left in clear
 * is hashed, sealed or dropped now. secure_delete zeroes what later deletes free; for this one-off
 * clean-up VACUUM rewrites every page (b-tree rebalancing can leave old bytes in a page's unused
 * space) and the checkpoint empties the WAL, so no earlier copy of a page lingers.
 */
function keepNothingClear(db: SqliteDatabase, atRest: AtRest): void {
  db.pragma('secure_delete = ON');
  let changed = 0;
  db.transaction(() => {
    const apps = db.prepare('SELECT platform_number, id_number, name, form FROM applications').all() as {
      platform_number: string;
      id_number: string;
      name: string;
      form: string;
    }[];
    const updateApp = db.prepare('UPDATE applications SET id_number = ?, name = ?, form = ? WHERE platform_number = ?');
    for (const row of apps.filter((entry) => !isHashed(entry.id_number) || !isHashed(entry.name) || !isSealed(entry.form))) {
      updateApp.run(
        atRest.idNumber(row.id_number),
        atRest.name(row.name),
        atRest.sealText(row.form, `form:${row.platform_number}`),
        row.platform_number,
      );
      changed++;
    }
    changed += db.prepare('UPDATE application_files SET pdf = NULL WHERE pdf IS NOT NULL').run().changes;
    const raters = db
      .prepare('SELECT id, rater_id_number, rater_name FROM ratings WHERE rater_id_number IS NOT NULL OR rater_name IS NOT NULL')
      .all() as { id: string; rater_id_number: string | null; rater_name: string | null }[];
    const sealRater = db.prepare('UPDATE ratings SET rater_sealed = ?, rater_id_number = NULL, rater_name = NULL WHERE id = ?');
    for (const row of raters) {
      sealRater.run(atRest.sealText(JSON.stringify({ idNumber: row.rater_id_number, name: row.rater_name }), `rater:${row.id}`), row.id);
      changed++;
    }
    for (const table of ['appointments', 'queue_tickets'] as const) {
      const people = db.prepare(`SELECT DISTINCT id_number FROM ${table} WHERE id_number NOT LIKE 'h1:%'`).all() as { id_number: string }[];
      const update = db.prepare(`UPDATE ${table} SET id_number = ? WHERE id_number = ?`);
      for (const { id_number: idNumber } of people) changed += update.run(atRest.idNumber(idNumber), idNumber).changes;
    }
  })();
  if (changed > 0) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
