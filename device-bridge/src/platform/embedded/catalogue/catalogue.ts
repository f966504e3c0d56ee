import {
  serviceCategorySchema,
  serviceGuideSchema,
  serviceModeSchema,
  type CatalogueQuery,
  type ServiceItem,
  type ServiceItemSummary,
} from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import { matchesCatalogueQuery } from '../../catalogue-search.ts';
import { PlatformRejection } from '../../contract.ts';

interface ItemRow {
  code: string;
  name: string;
  category: string;
  initials: string;
  department: string;
  kind: string;
  modes: string;
  guide: string;
}

/** What applications, ratings and appointments need of the catalogue: the item a request names. */
export interface ItemLookup {
  /** the item, or a PlatformRejection item-not-found (404) */
  requireItem(code: string): ServiceItem;
}

/** The service items (事项) with their guides (办事指南), in the catalogue's order. */
export interface Catalogue extends ItemLookup {
  list(query: CatalogueQuery): ServiceItemSummary[];
  find(code: string): ServiceItem | null;
}

/** What seeding writes into the catalogue. */
export interface CatalogueStore {
  /** how many of these codes are stored */
  storedCount(codes: string[]): number;
  /** stores the items in this order, in one transaction, keeping any item already stored */
  storeAll(items: ServiceItem[]): void;
}

export function createCatalogue(db: SqliteDatabase): Catalogue & CatalogueStore {
  const allItems = db.prepare('SELECT * FROM service_items ORDER BY sort_order');
  const itemByCode = db.prepare('SELECT * FROM service_items WHERE code = ?');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO service_items (code, name, category, initials, department, kind, modes, guide, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const storeAll = db.transaction((items: ServiceItem[]) => {
    items.forEach((item, index) =>
      insert.run(
        item.code,
        item.name,
        item.category,
        item.initials,
        item.department,
        item.kind,
        JSON.stringify(item.modes),
        JSON.stringify(item.guide),
        index,
      ),
    );
  });

  function toSummary(row: ItemRow): ServiceItemSummary {
    return {
      code: row.code,
      name: row.name,
      category: serviceCategorySchema.parse(row.category),
      initials: row.initials,
      department: row.department,
      kind: row.kind === 'immediate' ? 'immediate' : 'promised',
      modes: (JSON.parse(row.modes) as unknown[]).map((mode) => serviceModeSchema.parse(mode)),
    };
  }
  function toItem(row: ItemRow): ServiceItem {
    return { ...toSummary(row), guide: serviceGuideSchema.parse(JSON.parse(row.guide)) };
  }
  function find(code: string): ServiceItem | null {
    const row = itemByCode.get(code) as ItemRow | undefined;
    return row ? toItem(row) : null;
  }

  return {
    list(query) {
      return (allItems.all() as ItemRow[])
        .filter((row) => !query.category || row.category === query.category)
        .map(toSummary)
        .filter((item) => matchesCatalogueQuery(item, query.q ?? ''));
    },
    find,
    requireItem(code) {
      const item = find(code);
      if (!item) throw new PlatformRejection('item-not-found', `no service item ${code} in the catalogue`, 404);
      return item;
    },
    storedCount(codes) {
      const placeholders = codes.map(() => '?').join(', ');
      return (db.prepare(`SELECT count(*) AS n FROM service_items WHERE code IN (${placeholders})`).get(...codes) as { n: number }).n;
    },
    storeAll(items) {
      storeAll(items);
    },
  };
}
