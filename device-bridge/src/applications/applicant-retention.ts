import type { SqliteDatabase } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import type { ApplicantHashes } from './applicant-hashes.ts';

/** a refused application stays listed at the kiosk (as 未通过, with the reason) this long */
export const refusedListedDays = 30;

/**
 * How long the kiosk may still find an application by its applicant: while it waits to be
 * delivered, and for refusedListedDays after the platform refused it; never once the platform has
 * the case (it lists it itself).
 */
export function applicantRetention(db: SqliteDatabase, clock: Clock, hashes: ApplicantHashes) {
  const forgetRefused = db.prepare(
    'UPDATE kiosk_applications SET applicant_hash = NULL WHERE applicant_hash IS NOT NULL AND failure IS NOT NULL AND settled_at < ?',
  );
  const forgetOldApplicants = () => forgetRefused.run(clock.now().getTime() - refusedListedDays * 24 * 3_600_000);

  return {
    forgetOldApplicants,
    /**
     * At start: rows from before the table kept request owners (schema version 2) get their owner
     * check from the applicant hash they still hold; then delivered ones forget the applicant,
     * refused ones after refusedListedDays.
     */
    tidyAtStart(): void {
      db.transaction(() => {
        const unowned = db
          .prepare(
            'SELECT idempotency_key, applicant_hash FROM kiosk_applications WHERE request_owner IS NULL AND applicant_hash IS NOT NULL',
          )
          .all() as { idempotency_key: string; applicant_hash: string }[];
        const own = db.prepare('UPDATE kiosk_applications SET request_owner = ? WHERE idempotency_key = ?');
        for (const row of unowned) own.run(hashes.requestOwner(row.idempotency_key, row.applicant_hash), row.idempotency_key);
        db.prepare(
          'UPDATE kiosk_applications SET settled_at = ? WHERE settled_at IS NULL AND (platform_number IS NOT NULL OR failure IS NOT NULL)',
        ).run(clock.now().getTime());
        db.prepare(
          'UPDATE kiosk_applications SET applicant_hash = NULL WHERE platform_number IS NOT NULL AND applicant_hash IS NOT NULL',
        ).run();
        forgetOldApplicants();
      })();
    },
  };
}
