import type { CatalogueQuery, ServiceItem, ServiceItemSummary } from '../api/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { matchesCatalogueQuery } from '../platform/catalogue-search.ts';
import { PlatformUnavailable } from '../platform/contract.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import type { PlatformLink } from '../platform-link/platform-link.ts';
import type { SqliteDatabase } from '../store/database.ts';
import type { Clock, TimerHandle } from '../time/clock.ts';
import { createCatalogueCacheStore } from './catalogue-cache-store.ts';

export interface CatalogueCacheOptions {
  db: SqliteDatabase;
  platform: Pick<ServicePlatform, 'listServiceItems' | 'getServiceItem'>;
  link: Pick<PlatformLink, 'liveOr' | 'noteReachable' | 'noteUnreachable'>;
  clock: Clock;
  /** how often the cache is refreshed while it is warm (default 6 h) */
  refreshMs?: number;
  /** how soon a refresh that failed (platform away) is tried again (default 60 s) */
  retryMs?: number;
}

/** The catalogue as the kiosk serves it: from the platform, or from its cache while the platform is away. */
export interface CatalogueReader {
  list(query: CatalogueQuery): Promise<{ items: ServiceItemSummary[]; cached: boolean }>;
  /** one item with its guide; item-not-found when the platform has none */
  item(code: string): Promise<ServiceItem>;
}

/**
 * The service catalogue read through a cache, so guides stay readable while the platform is
 * unreachable. The cache is filled at start, again when the line comes back (`refreshSoon`, called
 * by whoever hears of it), and on a timer: every refreshMs while warm, every retryMs while the last
 * attempt failed. A bridge that starts during an outage therefore fills it as soon as it can.
 */
export function createCatalogueCache(options: CatalogueCacheOptions) {
  const { platform, link, clock } = options;
  const store = createCatalogueCacheStore(options.db);
  const refreshMs = options.refreshMs ?? 6 * 3_600_000;
  const retryMs = options.retryMs ?? 60_000;
  const state: { warm: boolean; running: boolean; refreshing: Promise<void> | null; timer: TimerHandle | null } = {
    warm: false,
    running: false,
    refreshing: null,
    timer: null,
  };

  const unavailable = (reason: string) => new DomainError('platform-unavailable', reason);

  /** fills the cache with every item and its guide now; rejects when the platform is away */
  async function warm(): Promise<number> {
    try {
      const summaries = await platform.listServiceItems({});
      const items: ServiceItem[] = [];
      for (const summary of summaries) {
        const item = await platform.getServiceItem(summary.code);
        if (item) items.push(item);
      }
      store.replaceAll(items, clock.now().getTime());
      link.noteReachable();
      return items.length;
    } catch (error) {
      if (error instanceof PlatformUnavailable) link.noteUnreachable(error.message);
      throw error;
    }
  }

  function schedule(ms: number): void {
    if (!state.running) return;
    if (state.timer) clock.clearTimeout(state.timer);
    state.timer = clock.setTimeout(() => {
      state.timer = null;
      void refreshSoon();
    }, ms);
  }

  /** one refresh at a time; the next is scheduled by how this one went */
  function refreshSoon(): Promise<void> {
    if (state.refreshing) return state.refreshing;
    state.refreshing = warm()
      .then(
        () => {
          state.warm = true;
        },
        () => {
          state.warm = false;
        },
      )
      .finally(() => {
        state.refreshing = null;
        schedule(state.warm ? refreshMs : retryMs);
      });
    return state.refreshing;
  }

  const reader: CatalogueReader = {
    list(query) {
      return link.liveOr<{ items: ServiceItemSummary[]; cached: boolean }>(
        async () => ({ items: await platform.listServiceItems(query), cached: false }),
        (reason) => {
          const items = store
            .items()
            .filter((item) => !query.category || item.category === query.category)
            .filter((item) => matchesCatalogueQuery(item, query.q ?? ''))
            .map(({ guide: _guide, ...summary }) => summary);
          if (items.length === 0) throw unavailable(reason);
          return { items, cached: true };
        },
      );
    },
    async item(code) {
      let cached = false;
      const item = await link.liveOr(
        () => platform.getServiceItem(code),
        (reason) => {
          cached = true;
          const kept = store.item(code);
          if (!kept) throw unavailable(reason);
          return kept;
        },
      );
      if (!item) throw new DomainError('item-not-found', `no service item ${code}`);
      if (!cached) store.put(item, clock.now().getTime());
      return item;
    },
  };

  return {
    ...reader,
    warm,
    refreshSoon,
    /** keeps the cache warm (first fill at once) */
    start(): void {
      state.running = true;
      void refreshSoon();
    },
    async stop(): Promise<void> {
      state.running = false;
      if (state.timer) clock.clearTimeout(state.timer);
      state.timer = null;
      await state.refreshing;
    },
  };
}

export type CatalogueCache = ReturnType<typeof createCatalogueCache>;
