import type { SqliteDatabase } from '../../store/database.ts';
import type { AtRest } from './at-rest.ts';

/**
 * One module's share of keeping nothing clear: hashes, seals or drops what its tables still hold in
 * clear and answers how many rows it changed. Each module brings its own, for its own columns.
 */
export type ClearDataSweep = (db: SqliteDatabase, atRest: AtRest) => number;

/** the keyed hash in place of every ID number `table` still holds in clear (its id_number column) */
export function hashIdNumbers(db: SqliteDatabase, table: string, atRest: AtRest): number {
  const people = db.prepare(`SELECT DISTINCT id_number FROM ${table} WHERE id_number NOT LIKE 'h1:%'`).all() as { id_number: string }[];
  const update = db.prepare(`UPDATE ${table} SET id_number = ? WHERE id_number = ?`);
  let changed = 0;
  for (const { id_number: idNumber } of people) changed += update.run(atRest.idNumber(idNumber), idNumber).changes;
  return changed;
}

/**
 * Inside a kiosk: whatever an older build (or a file copied from a platform server) left in clear
 * is hashed, sealed or dropped now, by every sweep in one transaction. secure_delete zeroes what
 * later deletes free; for this one-off clean-up VACUUM rewrites every page (b-tree rebalancing can
 * leave old bytes in a page's unused space) and the checkpoint empties the WAL, so no earlier copy
 * of a page lingers.
 */
export function keepNothingClear(db: SqliteDatabase, atRest: AtRest, sweeps: readonly ClearDataSweep[]): void {
  db.pragma('secure_delete = ON');
  let changed = 0;
  db.transaction(() => {
    for (const sweep of sweeps) changed += sweep(db, atRest);
  })();
  if (changed > 0) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
