import { isHashed, isSealed } from '../at-rest.ts';
import type { ClearDataSweep } from '../at-rest-sweep.ts';

/**
 * Applicants as keyed hashes, form answers sealed to their case, and of every file only the digest
 * and size (fillFileDigests must have run first, while the bytes were still there).
 */
export const sweepApplications: ClearDataSweep = (db, atRest) => {
  let changed = 0;
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
  return changed;
};
