import type { ServiceItem } from '../api/index.ts';
import type { SqliteDatabase } from '../store/database.ts';

/** The catalogue_cache table (catalogue-cache-schema.ts): one row per item, its guide as JSON. */
export function createCatalogueCacheStore(db: SqliteDatabase) {
  const upsert = db.prepare(
    'INSERT INTO catalogue_cache (code, item, fetched_at) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET item = excluded.item, fetched_at = excluded.fetched_at',
  );
  const one = db.prepare('SELECT item FROM catalogue_cache WHERE code = ?');
  const all = db.prepare('SELECT item FROM catalogue_cache ORDER BY code');
  const codes = db.prepare('SELECT code FROM catalogue_cache');
  const drop = db.prepare('DELETE FROM catalogue_cache WHERE code = ?');

  return {
    put(item: ServiceItem, fetchedAt: number): void {
      upsert.run(item.code, JSON.stringify(item), fetchedAt);
    },
    item(code: string): ServiceItem | null {
      const row = one.get(code) as { item: string } | undefined;
      return row ? (JSON.parse(row.item) as ServiceItem) : null;
    },
    items(): ServiceItem[] {
      return (all.all() as { item: string }[]).map((row) => JSON.parse(row.item) as ServiceItem);
    },
    /** the whole catalogue as the platform gives it now: an item it no longer offers is not shown offline either */
    replaceAll: db.transaction((items: ServiceItem[], fetchedAt: number) => {
      for (const item of items) upsert.run(item.code, JSON.stringify(item), fetchedAt);
      const kept = new Set(items.map((item) => item.code));
      for (const { code } of codes.all() as { code: string }[]) if (!kept.has(code)) drop.run(code);
    }),
  };
}

export type CatalogueCacheStore = ReturnType<typeof createCatalogueCacheStore>;
