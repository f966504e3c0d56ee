import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SnapshotFrom } from 'xstate';
import { createActor } from 'xstate';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { subscribeEvents } from '../bridge/events.ts';
import { technicianMachine, type TechnicianEvent } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { availableLanguages } from '../i18n/languages.ts';
import { CornerHold } from './corner-hold.tsx';
import { PinPad } from './pin-pad.tsx';
import { technicianActors } from './technician-actors.ts';
import type { BridgeClient } from '../bridge/client.ts';
import './technician.css';

/**
 * Technician mode, layered over the citizen UI: the hidden corner opens a PIN pad, a right PIN the
 * device panel. Enabled only while no citizen is identified (the corner is not there otherwise).
 * The hidden corner or a technician QR code opens it.
 */
type PanelComponent = ComponentType<{ snapshot: SnapshotFrom<typeof technicianMachine>; send: (event: TechnicianEvent) => void }>;
let loadedPanel: PanelComponent | null = null;

/** The panel (with the settings keyboard and its pinyin table) loads on first use, keeping the kiosk's first paint small. */
function useTechnicianPanel(wanted: boolean): PanelComponent | null {
  const [panel, setPanel] = useState<PanelComponent | null>(() => loadedPanel);
  useEffect(() => {
    if (!wanted || panel) return undefined;
    let live = true;
    void import('./technician-panel.tsx').then((module) => {
      loadedPanel = module.TechnicianPanel;
      if (live) setPanel(() => module.TechnicianPanel);
    });
    return () => {
      live = false;
    };
  }, [wanted, panel]);
  return panel;
}

export function TechnicianMode({ enabled, client }: { enabled: boolean; client: BridgeClient }) {
  const { t } = useI18n();
  const actor = useMemo(
    () => createActor(technicianMachine.provide({ actors: technicianActors(client, () => availableLanguages.map((info) => info.tag)) })),
    [client],
  );
  useEffect(() => {
    actor.start();
    return () => actor.stop();
  }, [actor]);
  // A technician QR code (tongban:technician:…, classified by the bridge) opens the PIN pad too, on
  // the citizen-free screens only. It is a shortcut to the PIN, never a credential.
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribeEvents((event) => {
      if (event.type === 'scan' && event.scan.kind === 'technician' && actor.getSnapshot().matches('hidden')) actor.send({ type: 'ENTER' });
    });
  }, [actor, enabled]);
  const snapshot = useActorSnapshot(actor);
  // fetched while the PIN is typed, so the panel is there when the PIN is right
  const Panel = useTechnicianPanel(!snapshot.matches('hidden'));

  if (snapshot.matches('hidden')) return enabled ? <CornerHold onHeld={() => actor.send({ type: 'ENTER' })} /> : null;
  return (
    <div
      class="technician"
      role="dialog"
      aria-modal="true"
      aria-label={t('technician.title')}
      data-technician={String(snapshot.value && typeof snapshot.value === 'object' ? Object.keys(snapshot.value)[0] : snapshot.value)}
      onPointerDownCapture={() => actor.send({ type: 'ACTIVITY' })}
    >
      {snapshot.matches('pin') || snapshot.matches('checking') ? (
        <PinPad
          length={snapshot.context.pin.length}
          checking={snapshot.matches('checking')}
          notice={snapshot.context.notice}
          noticeDetail={snapshot.context.noticeDetail}
          send={(event) => actor.send(event)}
        />
      ) : Panel ? (
        <Panel snapshot={snapshot} send={(event) => actor.send(event)} />
      ) : (
        <div class="spinner" aria-hidden="true" />
      )}
    </div>
  );
}
