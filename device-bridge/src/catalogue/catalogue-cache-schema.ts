/**
 * The catalogue cache: every service item with its guide (办事指南) as the platform last gave it,
 * so guides stay readable while the platform is unreachable. Created in the outbox's schema part,
 * version 1 (outbox/outbox-schema.ts lists it there, from this text: that history is append-only).
 */
export const catalogueCacheTableV1 = `
  CREATE TABLE catalogue_cache (code TEXT PRIMARY KEY, item TEXT NOT NULL, fetched_at INTEGER NOT NULL);
`;
