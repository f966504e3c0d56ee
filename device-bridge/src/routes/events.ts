import type { DeviceStatus, KioskEvent } from '../api/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock, TimerHandle } from '../time/clock.ts';

const heartbeatMs = 15_000;

export interface EventRouteDeps {
  bus: EventBus;
  sessions: Pick<SessionHolder, 'current' | 'view' | 'end'>;
  deviceStatuses: () => DeviceStatus[];
  clock: Clock;
  /** how long the session waits for a UI that went away to come back */
  uiDisconnectGraceSeconds: number;
}

/**
 * GET /api/events: Server-Sent Events. Each message is `event: <type>` + JSON data (KioskEvent);
 * the first is `hello` with the current devices and session, so a reconnecting UI is in step at
 * once. When the last UI stream goes away and does not come back within the grace period, the
 * session ends (architecture rule 3: the UI going away ends the session).
 */
export function eventHandlers(deps: EventRouteDeps): EndpointHandlers<'events'> {
  const { clock, sessions, bus } = deps;
  let connected = 0;
  let disconnectTimer: TimerHandle | null = null;

  const cancelDisconnectTimer = () => {
    if (disconnectTimer) clock.clearTimeout(disconnectTimer);
    disconnectTimer = null;
  };
  const endSessionUnlessUiReturns = () => {
    cancelDisconnectTimer();
    disconnectTimer = clock.setTimeout(() => {
      disconnectTimer = null;
      if (connected === 0) sessions.end('ui-disconnected');
    }, deps.uiDisconnectGraceSeconds * 1000);
  };

  // A session opened while no UI is watching (card placed on a kiosk whose browser crashed) must
  // not wait forever for a UI to show it to.
  bus.subscribe((event) => {
    if (event.type === 'session-started' && connected === 0) endSessionUnlessUiReturns();
  });

  return {
    events: ({ http: { request, response } }) => {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      const send = (event: KioskEvent) => {
        response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      connected++;
      cancelDisconnectTimer();
      send({ type: 'hello', devices: deps.deviceStatuses(), session: sessions.view() });
      const unsubscribe = bus.subscribe(send);
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
      request.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        connected--;
        if (connected === 0 && sessions.current()) endSessionUnlessUiReturns();
      });
    },
  };
}
