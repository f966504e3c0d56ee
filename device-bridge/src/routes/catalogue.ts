import { Router } from 'express';
import { catalogueQuerySchema, serviceCategories, serviceCategoryTitles, type CatalogueResponse } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';

/**
 * GET /api/catalogue and /api/catalogue/:code: the service catalogue and each item's 办事指南,
 * readable without identifying. Served from the kiosk's cache while the platform is unreachable.
 */
export function catalogueRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/catalogue', async (request, response) => {
    const parsed = catalogueQuerySchema.safeParse({
      q: typeof request.query.q === 'string' && request.query.q !== '' ? request.query.q : undefined,
      category: typeof request.query.category === 'string' && request.query.category !== '' ? request.query.category : undefined,
    });
    if (!parsed.success)
      throw new HttpError(
        400,
        'bad-request',
        `Query not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    const { items, cached } = await context.kioskServices.listCatalogue(parsed.data);
    // category counts are over the whole catalogue, so the category list stays put while searching
    const all = parsed.data.q || parsed.data.category ? (await context.kioskServices.listCatalogue({})).items : items;
    const body: CatalogueResponse = {
      items,
      fromCache: cached,
      categories: serviceCategories.map((category) => ({
        category,
        title: serviceCategoryTitles[category],
        count: all.filter((item) => item.category === category).length,
      })),
    };
    response.json(body);
  });
  router.get('/api/catalogue/:code', async (request, response) => {
    response.json(await context.kioskServices.getItem(String(request.params.code)));
  });
  return router;
}
