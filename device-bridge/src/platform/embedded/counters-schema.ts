/**
 * The counters' share of the `services` schema part, by the part's migration number: service-schema.ts
 * assembles the part's list from every module's share. Shipped text: never edit it, append instead.
 */
export const counterSchema = {
  1: `
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`,
} as const;
