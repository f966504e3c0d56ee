import type { CertificateTypeInfo, HealthResponse, KioskEvent } from '@tongban/device-bridge/api';
import { createActor } from 'xstate';
import type { BridgeClient } from '../bridge/client.ts';
import { subscribeEvents } from '../bridge/events.ts';
import { sessionMachine } from '../flows/session.machine.ts';
import type { SessionEvent } from '../flows/session.types.ts';
import { kioskStatusFrom } from './kiosk-status.ts';
import { sessionActors } from './session-actors.ts';

/** Health is re-read this often even without device events, and this soon after a failure. */
const healthRefreshMs = 30_000;
const healthRetryMs = 5_000;

export type SessionActor = ReturnType<typeof createSessionActor>;

function createSessionActor(client: BridgeClient) {
  return createActor(sessionMachine.provide({ actors: sessionActors(client) }));
}

export interface KioskRuntime {
  actor: SessionActor;
  /** the latest health answer (for the dev panel switch), null until the first one */
  health: () => HealthResponse | null;
  onHealth: (listener: (health: HealthResponse) => void) => () => void;
  stop: () => void;
}

/**
 * Connects the session flow to the bridge: SSE events become flow events, health becomes the
 * kiosk status. Everything the flow does to the outside goes through `sessionActors`.
 */
export function startKioskRuntime(client: BridgeClient): KioskRuntime {
  const actor = createSessionActor(client);
  actor.start();
  const send = (event: SessionEvent) => actor.send(event);

  let latestHealth: HealthResponse | null = null;
  let services: CertificateTypeInfo[] | null = null;
  const healthListeners = new Set<(health: HealthResponse) => void>();
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function refreshStatus() {
    clearTimeout(refreshTimer);
    try {
      // The bridge learns that the platform is back only from a call that gets through, and with
      // its journeys greyed nobody makes one: ask for the catalogue (no session, no personal data;
      // the bridge notes the answer) before reading health again.
      if (latestHealth?.platform?.reachable === false) await client.catalogue().catch(() => undefined);
      const health = await client.health();
      // the certificate list does not change while the bridge runs; read it once
      services ??= await client.certificates();
      latestHealth = health;
      for (const listener of healthListeners) listener(health);
      send({ type: 'KIOSK_STATUS', status: kioskStatusFrom(health, services) });
      schedule(healthRefreshMs);
    } catch {
      send({ type: 'BRIDGE_UNREACHABLE' });
      schedule(healthRetryMs);
    }
  }
  function schedule(ms: number) {
    if (!stopped) refreshTimer = setTimeout(() => void refreshStatus(), ms);
  }

  const unsubscribe = subscribeEvents(
    (event) => {
      const flowEvent = toFlowEvent(event);
      if (flowEvent) send(flowEvent);
      // device changes alter capabilities; the bridge derives them, so ask it again
      if (event.type === 'hello' || event.type === 'device') void refreshStatus();
    },
    { onConnectionChange: (connected) => (connected ? undefined : void refreshStatus()) },
  );

  // The menu shows what works right now: read health each time it appears (a journey that just
  // failed may have found the platform gone).
  let wasOnMenu = false;
  const menuWatch = actor.subscribe((snapshot) => {
    const onMenu = snapshot.matches({ inSession: { flow: 'menu' } });
    if (onMenu && !wasOnMenu) void refreshStatus();
    wasOnMenu = onMenu;
  });

  void refreshStatus();

  return {
    actor,
    health: () => latestHealth,
    onHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    stop() {
      stopped = true;
      clearTimeout(refreshTimer);
      unsubscribe();
      menuWatch.unsubscribe();
      actor.stop();
    },
  };
}

/** Bridge events the flow reacts to; device and scan events change nothing in it directly. */
export function toFlowEvent(event: KioskEvent): SessionEvent | null {
  switch (event.type) {
    case 'hello':
      return { type: 'SESSION_SYNC', session: event.session };
    case 'card-reading':
      return { type: 'CARD_READING' };
    case 'card-rejected':
      return { type: 'CARD_REJECTED', reason: event.reason };
    case 'session-started':
      return { type: 'SESSION_STARTED', session: event.session };
    case 'session-ended':
      return { type: 'SESSION_ENDED', reason: event.reason };
    case 'job':
      return { type: 'JOB', job: event.job };
    case 'scan':
      // 预约签到: only appointment codes move the flow (and only from the attract screen, by the machine)
      return event.scan.kind === 'appointment' ? { type: 'APPOINTMENT_SCANNED', appointmentId: event.scan.appointmentId } : null;
    case 'device':
    case 'staff-called':
      return null;
  }
}
