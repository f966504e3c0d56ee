/**
 * Which HTTP answers mean a citizen finished a journey. Read from the request line and status only,
 * so no route file has to know about metrics. The label values are this fixed list (no ids, no
 * free text), which keeps the series count bounded.
 */
export const journeyTypes = ['query', 'print', 'apply', 'appointment', 'queue', 'rating'] as const;
export type JourneyType = (typeof journeyTypes)[number];

const journeyRoutes: ReadonlyArray<{ method: string; path: RegExp; status: number; type: JourneyType }> = [
  { method: 'GET', path: /^\/api\/records\/[^/]+$/, status: 200, type: 'query' },
  { method: 'POST', path: /^\/api\/applications$/, status: 201, type: 'apply' },
  { method: 'POST', path: /^\/api\/appointments$/, status: 201, type: 'appointment' },
  { method: 'POST', path: /^\/api\/queue$/, status: 201, type: 'queue' },
  { method: 'POST', path: /^\/api\/ratings$/, status: 201, type: 'rating' },
];

/** The journey a finished request completed, or null. Print journeys count when the paper is out (job events). */
export function journeyOf(method: string, path: string, status: number): JourneyType | null {
  for (const route of journeyRoutes) {
    if (route.method === method && route.status === status && route.path.test(path)) return route.type;
  }
  return null;
}

/** Error codes are stable lower-case words (http-error.ts); anything else is bucketed so a label never carries free text. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(code) ? code : 'other';
}
