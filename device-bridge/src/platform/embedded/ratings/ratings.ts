import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../../../store/database.ts';
import { formatChinaDate, formatChinaIso } from '../../china-time.ts';
import { PlatformRejection, type SubmitRating } from '../../contract.ts';
import type { AtRest } from '../at-rest.ts';
import type { ItemLookup } from '../catalogue/catalogue.ts';
import { requestDigest, type ReplayLog } from '../idempotency.ts';

/** 好差评 from the kiosks: idempotent per kiosk and key; a real-name rater is kept confidential. */
export interface Ratings {
  submit(kioskId: string, rating: SubmitRating, now: Date): { ratingId: string };
}

export function createRatings(db: SqliteDatabase, items: ItemLookup, replays: ReplayLog, atRest: AtRest): Ratings {
  const ratingByKey = db.prepare('SELECT id, request_sha256 FROM ratings WHERE kiosk_id = ? AND idempotency_key = ?');
  const insertRating = db.prepare(
    `INSERT INTO ratings (id, kiosk_id, idempotency_key, request_sha256, case_number, item_code, channel, grade, indicators, comment,
       rated_at, received_at, rater_id_number, rater_name, rater_sealed)
     VALUES (@id, @kioskId, @idempotencyKey, @requestSha256, @caseNumber, @itemCode, @channel, @grade, @indicators, @comment,
       @ratedAt, @receivedAt, @raterIdNumber, @raterName, @raterSealed)`,
  );

  const submit = db.transaction((kioskId: string, rating: SubmitRating, now: Date) => {
    const requestSha256 = requestDigest(rating);
    const existing = ratingByKey.get(kioskId, rating.idempotencyKey) as { id: string; request_sha256: string } | undefined;
    if (existing) {
      if (existing.request_sha256 !== requestSha256) {
        throw new PlatformRejection('idempotency-conflict', 'this Idempotency-Key was already used for a different rating', 422);
      }
      replays.record(kioskId);
      return { ratingId: existing.id };
    }
    items.requireItem(rating.itemCode);
    const id = `PJ${formatChinaDate(now).replaceAll('-', '')}${randomUUID().slice(0, 8).toUpperCase()}`;
    insertRating.run({
      id,
      kioskId,
      idempotencyKey: rating.idempotencyKey,
      requestSha256,
      caseNumber: rating.caseNumber,
      itemCode: rating.itemCode,
      channel: `self-service-kiosk:${kioskId}`,
      grade: rating.grade,
      indicators: JSON.stringify(rating.indicators),
      comment: rating.comment ?? null,
      ratedAt: rating.ratedAt,
      receivedAt: formatChinaIso(now),
      // inside a kiosk only the sealed copy: confidential, and never a second store of people
      raterIdNumber: atRest.inKiosk ? null : (rating.rater?.idNumber ?? null),
      raterName: atRest.inKiosk ? null : (rating.rater?.name ?? null),
      raterSealed: atRest.inKiosk && rating.rater ? atRest.sealText(JSON.stringify(rating.rater), `rater:${id}`) : null,
    });
    return { ratingId: id };
  });
  return { submit };
}
