/**
 * The appointments' share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const appointmentSchema = {
  1: `
  CREATE TABLE slots (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    hall_name TEXT NOT NULL,
    window TEXT NOT NULL,
    category TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0)
  );
  CREATE INDEX slots_by_category ON slots (category, start);
  CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    slot_id TEXT NOT NULL REFERENCES slots (id),
    item_code TEXT NOT NULL REFERENCES service_items (code),
    id_number TEXT NOT NULL,
    kiosk_id TEXT,
    state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'attended')),
    created_at TEXT NOT NULL
  );
  CREATE INDEX appointments_by_person ON appointments (id_number);`,
} as const;
