/**
 * The catalogue's share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const catalogueSchema = {
  1: `
  CREATE TABLE service_items (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    initials TEXT NOT NULL,
    department TEXT NOT NULL,
    kind TEXT NOT NULL,
    modes TEXT NOT NULL,
    guide TEXT NOT NULL,
    sort_order INTEGER NOT NULL
  );`,
} as const;
