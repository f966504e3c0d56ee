/**
 * Outbox backlog for metrics (issue 7 reads this): the running bridge registers its outbox here at
 * start. Zeros before that, so a scrape during start-up does not fail.
 */
export interface OutboxStats {
  backlog: number;
  oldestAgeSeconds: number;
}

let source: (() => OutboxStats) | null = null;

export function registerOutboxStats(read: (() => OutboxStats) | null): void {
  source = read;
}

export function outboxStats(): OutboxStats {
  return source ? source() : { backlog: 0, oldestAgeSeconds: 0 };
}
