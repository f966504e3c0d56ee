import type { ClearDataSweep } from '../at-rest-sweep.ts';

/** a real-name rater only as the sealed copy, bound to its rating */
export const sweepRaters: ClearDataSweep = (db, atRest) => {
  const raters = db
    .prepare('SELECT id, rater_id_number, rater_name FROM ratings WHERE rater_id_number IS NOT NULL OR rater_name IS NOT NULL')
    .all() as { id: string; rater_id_number: string | null; rater_name: string | null }[];
  const sealRater = db.prepare('UPDATE ratings SET rater_sealed = ?, rater_id_number = NULL, rater_name = NULL WHERE id = ?');
  for (const row of raters) {
    sealRater.run(atRest.sealText(JSON.stringify({ idNumber: row.rater_id_number, name: row.rater_name }), `rater:${row.id}`), row.id);
  }
  return raters.length;
};
