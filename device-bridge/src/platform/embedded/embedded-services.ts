import { createRequire } from 'node:module';
import type { ApplicationState, CatalogueQuery, QueueStatus } from '../../api/index.ts';
import type { SqliteDatabase } from '../../store/database.ts';
import type { Clock } from '../../time/clock.ts';
import { formatChinaIso } from '../china-time.ts';
import type { Applicant } from '../contract.ts';
import type { ServicePlatform } from '../service-platform.ts';
import { fixtureCitizen } from './fixtures.ts';
import { catalogueSeed, catalogueSeedCodes } from './seed-catalogue.ts';
import { migrateServiceTables } from './service-schema.ts';
import { isHashed, isSealed, platformAtRest, type AtRest } from './at-rest.ts';
import { createAppointmentRepository, type AppointmentRepository } from './appointments/appointment-repository.ts';
import { createAppointments } from './appointments/appointments.ts';
import { createCheckIn } from './appointments/check-in.ts';
import { createApplicationRepository, type ApplicationRepository } from './applications/application-repository.ts';
import { createApplications } from './applications/applications.ts';
import { fillFileDigests } from './applications/file-digests.ts';
import { createCatalogue } from './catalogue/catalogue.ts';
import { createCounters } from './counters.ts';
import { dayMs } from './durations.ts';
import { createReplayLog } from './idempotency.ts';
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
  const applicationRecords = createApplicationRepository(db);
  seedCaseHistory(db, applicationRecords, clock.now(), atRest);

  const catalogue = createCatalogue(db);
  const counters = createCounters(db);
  const replays = createReplayLog(counters);
  const applications = createApplications(db, applicationRecords, catalogue, counters, replays, atRest);
  const ratings = createRatings(db, catalogue, replays, atRest);
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
        submitApplication: async (application) => applications.submit(kioskId, application, clock.now()),
        listApplications: async (applicant: Applicant) => applications.ofApplicant(applicant, clock.now()),
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
    deliveries: (kioskId: string) => applications.deliveries(kioskId),
    applicationCount: (kioskId: string) => applications.count(kioskId),
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
function seedCaseHistory(db: SqliteDatabase, records: ApplicationRepository, now: Date, atRest: AtRest): void {
  const seeded = db.prepare("SELECT 1 FROM counters WHERE name = 'seeded-history'").get();
  if (seeded) return;
  const item = (code: string) => db.prepare('SELECT guide FROM service_items WHERE code = ?').get(code) as { guide: string };
  const office = (code: string) => (JSON.parse(item(code).guide) as { office: string }).office;
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
      records.recordPastCase({
        platformNumber: entry.number,
        itemCode: entry.code,
        idNumber: atRest.idNumber(card.idNumber),
        name: atRest.name(card.name),
        form: atRest.sealText('{}', `form:${entry.number}`),
        channel: entry.channel,
        office: where,
        submittedAt: ago(entry.events[0]![1]),
        acceptedAt: ago(entry.events[1]![1]),
        events: entry.events.map(([state, days, note]) => ({ state, at: ago(days), note: note ?? null })),
      });
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
