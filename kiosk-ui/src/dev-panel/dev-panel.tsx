import type { DeviceId, PrinterCondition, SimFixture } from '@tongban/device-bridge/api';
// its own subpath: the list is needed at run time, and the contract's index would bring zod along
import { samFaultNames, type SamFault } from '@tongban/device-bridge/api/sim-faults';
import { useEffect, useState } from 'preact/hooks';
import type { BridgeClient } from '../bridge/client.ts';
import { DevPanelReceipts } from './dev-panel-receipts.tsx';

export interface DevPanelProps {
  client: BridgeClient;
  onClose: () => void;
}

// Developer/tester tool (simulation only): English, compact, not citizen-facing.
const printerConditions: readonly PrinterCondition[] = ['ready', 'paper-out', 'paper-low', 'cover-open', 'jam', 'offline'];
const samCardTypes = ['resident-id', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023'] as const;
const deviceIds: readonly DeviceId[] = ['id-reader', 'scanner', 'a4-printer', 'receipt-printer', 'camera', 'document-camera'];

/**
 * Plugs simulated hardware in and out while the app runs (vxsuite's "dev dock"): place a fixture
 * citizen's card, remove it, scan a code, set printer conditions, connect/disconnect devices, and
 * see the slips the receipt printer printed.
 */
export function DevPanel({ client, onClose }: DevPanelProps) {
  const [fixtures, setFixtures] = useState<SimFixture[]>([]);
  const [scanText, setScanText] = useState('');
  const [lastResult, setLastResult] = useState('');

  useEffect(() => {
    client.simFixtures().then(setFixtures, (error: unknown) => setLastResult(`fixtures: ${String(error)}`));
  }, [client]);

  const run = (label: string, action: () => Promise<void>) => {
    action().then(
      () => setLastResult(`${label}: ok`),
      (error: unknown) => setLastResult(`${label}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return (
    <aside class="dev-panel" data-testid="dev-panel" aria-label="Simulated devices">
      <div class="dev-panel__head">
        <strong>Simulated devices</strong>
        <button type="button" onClick={onClose}>
          close
        </button>
      </div>
      <fieldset>
        <legend>ID card</legend>
        {fixtures.map((fixture) => (
          <button
            type="button"
            key={fixture.id}
            data-fixture={fixture.id}
            title={fixture.label}
            onClick={() => run(`card ${fixture.id}`, () => client.simCard({ body: { fixture: fixture.id } }))}
          >
            {fixture.id} · {fixture.label}
          </button>
        ))}
        <button type="button" data-action="sim-remove-card" onClick={() => run('remove card', () => client.simRemoveCard())}>
          remove card
        </button>
      </fieldset>
      <fieldset>
        <legend>ID card reader (SAM)</legend>
        {samCardTypes.map((cardType) => (
          <button
            type="button"
            key={cardType}
            data-sim-card-type={cardType}
            onClick={() => run(`card ${cardType}`, () => client.simCard({ body: { cardType } }))}
          >
            {cardType}
          </button>
        ))}
        <button
          type="button"
          data-sim-card-type="damaged"
          onClick={() => run('damaged card', () => client.simCard({ body: { damaged: true } }))}
        >
          damaged card
        </button>
        <select
          data-sim="sam-fault"
          onChange={(event) => {
            const value = (event.target as HTMLSelectElement).value;
            run('SAM fault', () => client.simIdReaderFault({ body: { fault: value === 'none' ? null : (value as SamFault) } }));
          }}
        >
          {['none', ...samFaultNames].map((fault) => (
            <option key={fault} value={fault}>
              fault: {fault}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset>
        <legend>Scanner</legend>
        <input
          type="text"
          data-testid="sim-scan-text"
          value={scanText}
          onInput={(event) => setScanText((event.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          data-action="sim-scan"
          disabled={scanText === ''}
          onClick={() => run('scan', () => client.simScan({ body: { data: scanText } }))}
        >
          scan
        </button>
      </fieldset>
      {(['a4-printer', 'receipt-printer'] as const).map((printer) => (
        <fieldset key={printer}>
          <legend>{printer}</legend>
          <select
            data-printer={printer}
            onChange={(event) =>
              run(`${printer} state`, () =>
                client.simPrinterState({
                  params: { printerId: printer },
                  body: { state: (event.target as HTMLSelectElement).value as PrinterCondition },
                }),
              )
            }
          >
            {printerConditions.map((condition) => (
              <option key={condition} value={condition}>
                {condition}
              </option>
            ))}
          </select>
        </fieldset>
      ))}
      <DevPanelReceipts client={client} />
      <fieldset>
        <legend>Connection</legend>
        {deviceIds.map((device) => (
          <div class="dev-panel__row" key={device}>
            <span>{device}</span>
            <button
              type="button"
              data-device={device}
              data-sim="disconnect"
              onClick={() => run(`${device} disconnect`, () => client.simDevice({ params: { deviceId: device, action: 'disconnect' } }))}
            >
              disconnect
            </button>
            <button
              type="button"
              data-device={device}
              data-sim="connect"
              onClick={() => run(`${device} connect`, () => client.simDevice({ params: { deviceId: device, action: 'connect' } }))}
            >
              connect
            </button>
          </div>
        ))}
      </fieldset>
      <output data-testid="dev-panel-result">{lastResult}</output>
    </aside>
  );
}
