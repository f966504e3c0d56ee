import type { SqliteDatabase } from '../../store/database.ts';
import { migrateSchemaPart } from '../../store/schema-parts.ts';
import { applicationSchema } from './applications/application-schema.ts';
import { appointmentSchema } from './appointments/appointment-schema.ts';
import { catalogueSchema } from './catalogue/catalogue-schema.ts';
import { counterSchema } from './counters-schema.ts';
import { queueSchema } from './queue/queue-schema.ts';
import { ratingSchema } from './ratings/rating-schema.ts';

/**
 * The service tables of the embedded platform (catalogue, applications, appointments, queue, ratings).
 * Versioned apart from the certificate tables' user_version (another part of the platform appends
 * those), in their own `schema_parts` row, so both can grow without renumbering each other.
 * Append only: never edit a shipped entry.
 *
 * Each table's DDL lives beside its repository (the modules' *-schema.ts), yet the part keeps one
 * list: the field applied migration 1 as a single text creating every table, and per-module parts
 * would mean new version rows and renumbered history for databases already out there. So each
 * migration is the modules' shares joined in the order the field applied them, byte for byte the
 * shipped text (service-schema.test.ts pins its digest).
 */
const end = '\n  ';
export const serviceMigrations: readonly string[] = [
  [catalogueSchema[1], applicationSchema[1], counterSchema[1], appointmentSchema[1], queueSchema[1], ratingSchema[1], end].join(''),
  // 2: a file's digest and size beside its bytes, which may be NULL; a sealed copy of the rater
  [applicationSchema[2], ratingSchema[2], end].join(''),
];

export function migrateServiceTables(db: SqliteDatabase): void {
  migrateSchemaPart(db, 'services', serviceMigrations, 'platform service tables');
}
