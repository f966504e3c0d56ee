import type { OutboxStats } from './kiosk-metrics.ts';

// The outbox is issue 5's; it exposes outboxStats() from this module once it lands. The specifier
// is a variable so this build compiles with or without it; without it the outbox gauges are not
// registered at all (never a made-up zero).
const outboxStatsModule = '../outbox/outbox-stats.ts';

/** outboxStats from the outbox module, or null when this build has no outbox. */
export async function loadOutboxStats(): Promise<(() => OutboxStats) | null> {
  try {
    const loaded = (await import(outboxStatsModule)) as { outboxStats?: () => OutboxStats };
    return typeof loaded.outboxStats === 'function' ? loaded.outboxStats : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}
