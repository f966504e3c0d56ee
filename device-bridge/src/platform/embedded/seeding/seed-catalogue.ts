import type { CatalogueStore } from '../catalogue/catalogue.ts';
import { catalogueSeed, catalogueSeedCodes } from './demo-catalogue.ts';
import { pinyinInitials } from './pinyin-initials.ts';

/**
 * Puts the demo catalogue into the file, keeping items already there. Skipped when every item is
 * stored, so an ordinary start neither recomputes initials nor loads the pinyin dictionary.
 */
export function seedCatalogue(store: CatalogueStore): void {
  const codes = catalogueSeedCodes();
  if (store.storedCount(codes) === codes.length) return;
  store.storeAll(catalogueSeed(pinyinInitials));
}
