/**
 * The queue's share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const queueSchema = {
  1: `
  CREATE TABLE queue_tickets (
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    category TEXT NOT NULL,
    hall_name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    ahead_at_issue INTEGER NOT NULL,
    PRIMARY KEY (day, number)
  );`,
} as const;
