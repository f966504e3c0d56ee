import type { SqliteDatabase } from '../store/database.ts';

export interface RatingRecord {
  id: string;
  grade: 1 | 2 | 3 | 4 | 5;
  serviceCode: string;
  caseId: string;
  kioskId: string;
  createdAt: string;
}

/**
 * 好差评 ratings, committed before the citizen is thanked. The rater's identity is not stored
 * here: the case id links to the service record, which the platform already holds.
 */
export function createRatingStore(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO ratings (id, grade, service_code, case_id, kiosk_id, created_at)
     VALUES (@id, @grade, @serviceCode, @caseId, @kioskId, @createdAt)`,
  );
  const byId = db.prepare(
    'SELECT id, grade, service_code AS serviceCode, case_id AS caseId, kiosk_id AS kioskId, created_at AS createdAt FROM ratings WHERE id = ?',
  );
  return {
    insert(rating: RatingRecord): void {
      insert.run(rating);
    },
    get(id: string): RatingRecord | null {
      return (byId.get(id) as RatingRecord | undefined) ?? null;
    },
  };
}

export type RatingStore = ReturnType<typeof createRatingStore>;
