import type { ApplicationReceiptPrint } from '../documents/receipts/receipts.ts';
import { applicantHashes } from '../applications/applicant-hashes.ts';
import { applicantRetention } from '../applications/applicant-retention.ts';
import { applicationDelivery } from '../applications/application-delivery.ts';
import { createApplicationService, type SessionMaterials } from '../applications/application-service.ts';
import { createApplicationStore } from '../applications/application-store.ts';
import { createCatalogueCache } from '../catalogue/catalogue-cache.ts';
import { createOutbox, type OutboxEvent, type OutboxOptions } from '../outbox/outbox.ts';
import { migrateOutboxTables } from '../outbox/outbox-schema.ts';
import type { Platform } from '../platform/platform.ts';
import { ratingDelivery } from '../ratings/rating-delivery.ts';
import { createRatingService } from '../ratings/rating-service.ts';
import type { RatingStore } from '../ratings/rating-store.ts';
import type { SqliteDatabase } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import { createPlatformLink } from './platform-link.ts';

export interface PlatformServicesOptions {
  /** the kiosk's own store (applications, outbox, catalogue cache and ratings tables) */
  db: SqliteDatabase;
  ratingStore: Pick<RatingStore, 'insert'>;
  platform: Platform;
  kioskId: string;
  /** per-device key (secrets/outbox.key): seals outbox payloads, keys the applicant hashes */
  key: Buffer;
  clock: Clock;
  randomBytes: (n: number) => Buffer;
  newId: () => string;
  /** the document camera's pages of the session, or null where there is no document camera */
  materials: SessionMaterials | null;
  /** prints an application's receipt slip; says whether it came out */
  printReceipt: ((receipt: ApplicationReceiptPrint) => Promise<boolean>) | null;
  /** how long a submission waits for the platform before the citizen is told it will be sent later */
  submitWaitMs?: number;
  outbox?: Pick<OutboxOptions, 'baseBackoffMs' | 'maxBackoffMs' | 'pollMs' | 'leaseMs' | 'concurrency'>;
  onOutboxEvent?: (event: OutboxEvent) => void;
  catalogue?: { refreshMs?: number; retryMs?: number };
}

/**
 * The kiosk's side of the government service platform, wired: the platform link (one picture of
 * the line), the outbox that delivers applications and ratings exactly once, the catalogue cache
 * that keeps guides readable while the platform is away, and the application and rating services
 * on top. The bridge's composition root uses it, and so do the tests that need these parts together.
 */
export function createPlatformServices(options: PlatformServicesOptions) {
  const { db, platform, clock, kioskId } = options;
  // the outbox's schema part holds the application and catalogue-cache tables too: first, before any statement is prepared
  migrateOutboxTables(db);
  const link = createPlatformLink({ clock });
  const applicationStore = createApplicationStore(db);
  const outbox = createOutbox({
    db,
    key: options.key,
    clock,
    randomBytes: options.randomBytes,
    ...options.outbox,
    handlers: {
      application: applicationDelivery({ platform, store: applicationStore, clock }),
      rating: ratingDelivery({ platform, caseNumberOf: applicationStore.caseNumberOf }),
    },
    onEvent: (event) => {
      link.noteDelivery(event);
      options.onOutboxEvent?.(event);
    },
  });
  const catalogue = createCatalogueCache({ db, platform, link, clock, ...options.catalogue });
  // the line is back: waiting rows need not sit out their backoff, nor a cold cache its timer
  link.onLineBack(() => {
    outbox.retryNow();
    void catalogue.refreshSoon();
  });
  const hashes = applicantHashes(options.key);
  const applications = createApplicationService({
    db,
    store: applicationStore,
    hashes,
    retention: applicantRetention(db, clock, hashes),
    outbox,
    link,
    catalogue,
    platform,
    materials: options.materials,
    printReceipt: options.printReceipt,
    clock,
    kioskId,
    ...(options.submitWaitMs === undefined ? {} : { submitWaitMs: options.submitWaitMs }),
  });
  const ratings = createRatingService({ db, store: options.ratingStore, outbox, clock, newId: options.newId, kioskId });

  return {
    link,
    outbox,
    catalogue,
    applications,
    ratings,
    /** starts the outbox relay and keeps the catalogue cache warm (first fill at once) */
    start(): void {
      outbox.start();
      catalogue.start();
    },
    async stop(): Promise<void> {
      await Promise.all([outbox.stop(), catalogue.stop()]);
    },
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;
