import { serviceCategories, serviceCategoryTitles } from '../api/index.ts';
import type { CatalogueReader } from '../catalogue/catalogue-cache.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';

/**
 * GET /api/catalogue and /api/catalogue/:code: the service catalogue and each item's 办事指南,
 * readable without identifying.
 */
export function catalogueHandlers(deps: { catalogue: CatalogueReader }): EndpointHandlers<'catalogue' | 'catalogueItem'> {
  const { catalogue } = deps;
  return {
    catalogue: async ({ query }) => {
      const { items, cached } = await catalogue.list(query);
      // category counts are over the whole catalogue, so the category list stays put while searching
      const all = query.q || query.category ? (await catalogue.list({})).items : items;
      return {
        items,
        fromCache: cached,
        categories: serviceCategories.map((category) => ({
          category,
          title: serviceCategoryTitles[category],
          count: all.filter((item) => item.category === category).length,
        })),
      };
    },
    catalogueItem: ({ params }) => catalogue.item(params.code),
  };
}
