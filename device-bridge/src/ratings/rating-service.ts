import type { CardIdentity, RatingParsed } from '../api/index.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { formatChinaIso } from '../platform/china-time.ts';
import type { SubmitRating } from '../platform/contract.ts';
import type { SqliteDatabase } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import type { RatingStore } from './rating-store.ts';

export interface RatingService {
  /** stores the rating and its outbox row; returns the rating's id */
  rate(identity: CardIdentity, rating: RatingParsed): string;
}

/**
 * 好差评: the kiosk's own rating row and its outbox row in one transaction, committed before the
 * citizen is thanked, then delivered to the platform with the kiosk's channel. Real-name but
 * confidential: the rater's identity travels sealed, to the platform only.
 */
export function createRatingService(deps: {
  db: SqliteDatabase;
  store: Pick<RatingStore, 'insert'>;
  outbox: Pick<Outbox, 'add' | 'kick'>;
  clock: Clock;
  newId: () => string;
  kioskId: string;
}): RatingService {
  const { clock } = deps;
  const storeBoth = deps.db.transaction((id: string, identity: CardIdentity, rating: RatingParsed) => {
    deps.store.insert({
      id,
      grade: rating.grade,
      serviceCode: rating.serviceCode,
      caseId: rating.caseId,
      kioskId: deps.kioskId,
      createdAt: clock.now().toISOString(),
    });
    const payload: SubmitRating = {
      idempotencyKey: id,
      caseNumber: rating.caseId,
      itemCode: rating.serviceCode,
      grade: rating.grade,
      indicators: rating.indicators,
      ...(rating.comment ? { comment: rating.comment } : {}),
      ratedAt: formatChinaIso(clock.now()),
      rater: { idNumber: identity.idNumber, name: identity.name },
    };
    deps.outbox.add('rating', id, payload);
  });
  return {
    rate(identity, rating) {
      const id = deps.newId();
      storeBoth(id, identity, rating);
      deps.outbox.kick();
      return id;
    },
  };
}
