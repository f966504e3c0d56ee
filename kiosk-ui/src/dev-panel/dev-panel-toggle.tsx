import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { BridgeClient } from '../bridge/client.ts';
import type { DevPanelProps } from './dev-panel.tsx';

/**
 * The corner switch for the simulated-devices panel. The panel itself is a separate chunk loaded on
 * first use, so a production kiosk (not simulated) never downloads it and the initial bundle stays small.
 */
export function DevPanelToggle({ client }: { client: BridgeClient }) {
  const [open, setOpen] = useState(false);
  const [Panel, setPanel] = useState<ComponentType<DevPanelProps> | null>(null);
  const toggle = async () => {
    if (!Panel) {
      const module = await import('./dev-panel.tsx');
      setPanel(() => module.DevPanel);
    }
    setOpen((was) => !was);
  };
  return (
    <>
      <button
        type="button"
        class="dev-toggle"
        data-testid="dev-panel-toggle"
        aria-expanded={open}
        title="Simulated devices"
        onClick={() => void toggle()}
      >
        SIM
      </button>
      {open && Panel ? <Panel client={client} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
