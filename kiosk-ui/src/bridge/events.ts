import type { KioskEvent, KioskEventType } from '@tongban/device-bridge/api';
import { apiPaths } from '@tongban/device-bridge/api/routes';

/**
 * Every SSE event name the bridge sends. Named SSE events only reach listeners registered for that
 * name, so the list must be complete: the `satisfies` plus the exhaustiveness check below fail tsc
 * when the contract gains a type this list lacks.
 */
export const kioskEventTypes = [
  'hello',
  'device',
  'card-reading',
  'card-rejected',
  'session-started',
  'session-ended',
  'job',
  'scan',
  'staff-called',
] as const satisfies readonly KioskEventType[];

type MissingEventTypes = Exclude<KioskEventType, (typeof kioskEventTypes)[number]>;
const everyEventTypeListed: MissingEventTypes extends never ? true : false = true;
void everyEventTypeListed;

export interface EventSubscriptionOptions {
  baseUrl?: string;
  /** called with true when the stream opens and false when it drops (EventSource then retries by itself) */
  onConnectionChange?: (connected: boolean) => void;
  /** injectable for tests */
  createEventSource?: (url: string) => EventSource;
}

/** Subscribes to GET /api/events. Returns a function that closes the stream. */
export function subscribeEvents(onEvent: (event: KioskEvent) => void, options: EventSubscriptionOptions = {}): () => void {
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const source = createEventSource((options.baseUrl ?? '') + apiPaths.events);
  const handleMessage = (message: MessageEvent<string>) => {
    const event = parseKioskEvent(message.data);
    if (event) onEvent(event);
  };
  for (const type of kioskEventTypes) source.addEventListener(type, handleMessage as EventListener);
  source.addEventListener('open', () => options.onConnectionChange?.(true));
  source.addEventListener('error', () => options.onConnectionChange?.(false));
  return () => source.close();
}

/**
 * The bridge validates what it sends; here we only make sure the data is an object with a known
 * type so a garbled message is dropped instead of crashing the flow.
 */
export function parseKioskEvent(data: string): KioskEvent | null {
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const type = (value as { type?: unknown }).type;
    if (typeof type !== 'string' || !(kioskEventTypes as readonly string[]).includes(type)) return null;
    return value as KioskEvent;
  } catch {
    return null;
  }
}
