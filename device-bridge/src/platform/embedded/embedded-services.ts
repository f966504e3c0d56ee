import type { CatalogueQuery, QueueStatus } from '../../api/index.ts';
import type { SqliteDatabase } from '../../store/database.ts';
import type { Clock } from '../../time/clock.ts';
import type { Applicant } from '../contract.ts';
import type { ServicePlatform } from '../service-platform.ts';
import { migrateServiceTables } from './service-schema.ts';
import { isHashed, isSealed, platformAtRest, type AtRest } from './at-rest.ts';
import { createAppointmentRepository } from './appointments/appointment-repository.ts';
import { createAppointments } from './appointments/appointments.ts';
import { createCheckIn } from './appointments/check-in.ts';
import { createApplicationRepository } from './applications/application-repository.ts';
import { createApplications } from './applications/applications.ts';
import { fillFileDigests } from './applications/file-digests.ts';
import { createCatalogue } from './catalogue/catalogue.ts';
import { createCounters } from './counters.ts';
import { createReplayLog } from './idempotency.ts';
import { createQueue } from './queue/queue.ts';
import { createRatings } from './ratings/ratings.ts';
import { seedCaseHistory } from './seeding/case-history.ts';
import { seedDemoAppointment } from './seeding/demo-appointment.ts';
import { seedCatalogue } from './seeding/seed-catalogue.ts';

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

  const counters = createCounters(db);
  const catalogue = createCatalogue(db);
  const applicationRecords = createApplicationRepository(db);
  const appointmentRecords = createAppointmentRepository(db);
  seedCatalogue(catalogue);
  seedCaseHistory(db, counters, catalogue, applicationRecords, clock.now(), atRest);
  seedDemoAppointment(counters, appointmentRecords, clock, atRest);

  const replays = createReplayLog(counters);
  const applications = createApplications(db, applicationRecords, catalogue, counters, replays, atRest);
  const ratings = createRatings(db, catalogue, replays, atRest);
  const appointments = createAppointments(db, appointmentRecords, clock, catalogue, atRest);
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
