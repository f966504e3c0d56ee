import { join } from 'node:path';
import type { EventLogger } from '../log/logger.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { storeMigrations } from './migrations.ts';
import { createPrintJobStore, type PrintJobStore } from './print-jobs.ts';
import { createRatingStore, type RatingStore } from '../ratings/rating-store.ts';

export interface KioskStore {
  readonly db: SqliteDatabase;
  readonly printJobs: PrintJobStore;
  readonly ratings: RatingStore;
  close(): void;
}

/** The kiosk's own durable state: `<dataDir>/kiosk.db`. */
export function openKioskStore(dataDir: string, logger: EventLogger): KioskStore {
  const file = join(dataDir, 'kiosk.db');
  const db = openDatabase(file, storeMigrations, (version) => logger.log('store-migrated', { file, version }));
  logger.log('store-opened', { file });
  return { db, printJobs: createPrintJobStore(db), ratings: createRatingStore(db), close: () => db.close() };
}
