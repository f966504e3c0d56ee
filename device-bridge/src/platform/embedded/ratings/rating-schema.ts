/**
 * The ratings' share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const ratingSchema = {
  1: `
  -- 好差评: the rater's identity is stored for real-name rating and never returned by any endpoint
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    case_number TEXT NOT NULL,
    item_code TEXT NOT NULL,
    channel TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
    indicators TEXT NOT NULL,
    comment TEXT,
    rated_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    rater_id_number TEXT,
    rater_name TEXT,
    UNIQUE (kiosk_id, idempotency_key)
  );`,
  // a sealed copy of the rater for real-name rating (inside a kiosk, the only copy)
  2: `
  ALTER TABLE ratings ADD COLUMN rater_sealed TEXT;`,
} as const;
