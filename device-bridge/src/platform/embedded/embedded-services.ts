import type { CatalogueQuery, QueueStatus } from '../../api/index.ts';
import type { SqliteDatabase } from '../../store/database.ts';
import type { Clock } from '../../time/clock.ts';
import type { Applicant } from '../contract.ts';
import type { ServicePlatform } from '../service-platform.ts';
import { migrateServiceTables } from './service-schema.ts';
import { platformAtRest, type AtRest } from './at-rest.ts';
import { keepNothingClear } from './at-rest-sweep.ts';
import { createAppointmentRepository } from './appointments/appointment-repository.ts';
import { createAppointments } from './appointments/appointments.ts';
import { sweepAppointments } from './appointments/appointments-at-rest.ts';
import { createCheckIn } from './appointments/check-in.ts';
import { createApplicationRepository } from './applications/application-repository.ts';
import { createApplications } from './applications/applications.ts';
import { sweepApplications } from './applications/applications-at-rest.ts';
import { fillFileDigests } from './applications/file-digests.ts';
import { createCatalogue } from './catalogue/catalogue.ts';
import { createCounters } from './counters.ts';
import { createReplayLog } from './idempotency.ts';
import { createQueue } from './queue/queue.ts';
import { sweepQueueTickets } from './queue/queue-at-rest.ts';
import { createRatings } from './ratings/ratings.ts';
import { sweepRaters } from './ratings/ratings-at-rest.ts';
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
 * Each concern lives in its own module; this brings the tables up to date, keeps nothing clear inside
 * a kiosk, seeds the demo data once, and wires the modules to each other through their interfaces.
 */
export function createEmbeddedServices(db: SqliteDatabase, clock: Clock, atRest: AtRest = platformAtRest): EmbeddedServices {
  migrateServiceTables(db);
  // the digests first: inside a kiosk the sweep drops the bytes they are taken from
  fillFileDigests(db);
  if (atRest.inKiosk) keepNothingClear(db, atRest, [sweepApplications, sweepRaters, sweepAppointments, sweepQueueTickets]);

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
