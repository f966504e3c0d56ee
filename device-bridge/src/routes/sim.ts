import type { CameraId, SimFixture } from '../api/index.ts';
import type { SimulatedCamera } from '../devices/camera/simulator.ts';
import type { Camera, DeviceSet, SimulationControls } from '../devices/device.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';

/** Runs a simulation control; a device that is not simulated answers simulation-only. */
function control<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new DomainError('simulation-only', (error as Error).message);
  }
}

export interface SimulationRouteDeps {
  simulation: SimulationControls;
  fixtures: readonly SimFixture[];
  cameras: Pick<DeviceSet, CameraId>;
  logger: EventLogger;
}

type SimulationEndpoint =
  | 'simFixtures'
  | 'simCard'
  | 'simRemoveCard'
  | 'simIdReaderFault'
  | 'simScan'
  | 'simReceipts'
  | 'simPrinterState'
  | 'simDevice'
  | 'simCameraScene';

/**
 * /api/sim/*: the "dev dock" that plugs simulated hardware in and out. Registered only when devices
 * are simulated, so a kiosk with real hardware has no such routes at all.
 */
export function simulationHandlers(deps: SimulationRouteDeps): EndpointHandlers<SimulationEndpoint> {
  const { simulation, fixtures } = deps;
  const logged = (name: string, fields: Record<string, string> = {}) => deps.logger.log('sim-control', { control: name, ...fields });

  return {
    simFixtures: () => [...fixtures],
    simCard: ({ body }) => {
      if ('cardType' in body || 'damaged' in body) {
        control(() => simulation.placeTestCard(body));
        logged('place-card', 'cardType' in body ? { cardType: body.cardType } : { damaged: 'true' });
        return;
      }
      let card;
      if ('fixture' in body) {
        card = fixtures.find((fixture) => fixture.id === body.fixture)?.card;
        if (!card)
          throw new DomainError('not-found', `no fixture "${body.fixture}"; fixtures: ${fixtures.map((fixture) => fixture.id).join(', ')}`);
      } else {
        card = body.card;
      }
      control(() => simulation.placeCard(card));
      logged('place-card', 'fixture' in body ? { fixture: body.fixture } : {});
    },
    simIdReaderFault: ({ body: { fault } }) => {
      control(() => simulation.setIdReaderFault(fault));
      logged('id-reader-fault', { fault: fault ?? 'none' });
    },
    simRemoveCard: () => {
      control(() => simulation.removeCard());
      logged('remove-card');
    },
    simScan: ({ body: { data } }) => {
      control(() => simulation.scan(data));
      logged('scan');
    },
    // what the simulated thermal printer printed (the dev panel shows the SVG; tests read the text)
    simReceipts: () => ({ receipts: control(() => simulation.receipts()) }),
    simPrinterState: ({ params: { printerId }, body: { state } }) => {
      control(() => simulation.setPrinterCondition(printerId, state));
      logged('printer-state', { device: printerId, state });
    },
    simDevice: ({ params: { deviceId, action } }) => {
      control(() => (action === 'connect' ? simulation.connect(deviceId) : simulation.disconnect(deviceId)));
      logged(action, { device: deviceId });
    },
    simCameraScene: ({ params, body: { scene } }) => {
      const camera = deps.cameras[params.cameraId] as Camera & Partial<Pick<SimulatedCamera<CameraId>, 'setScene'>>;
      if (!camera.setScene) throw new DomainError('simulation-only', `${camera.id} is not simulated`);
      camera.setScene(scene);
      deps.logger.log('sim-control', { control: 'camera-scene', device: camera.id, scene: scene.kind });
    },
  };
}
