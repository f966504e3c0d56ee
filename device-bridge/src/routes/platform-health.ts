import type { HealthResponse } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';

/** The platform part of /api/health: is the line up, and what is waiting in the outbox. */
export function platformHealthOf(context: BridgeContext): NonNullable<HealthResponse['platform']> {
  const upstream = context.kioskServices.outbox.upstream();
  const stats = context.kioskServices.outbox.stats();
  return { ...upstream, waiting: stats.backlog, oldestWaitingSeconds: Math.round(stats.oldestAgeSeconds) };
}
