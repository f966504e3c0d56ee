import { Router } from 'express';
import {
  deviceIdSchema,
  simCardRequestSchema,
  simIdReaderFaultRequestSchema,
  simPrinterStateRequestSchema,
  simScanRequestSchema,
} from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import type { SimulationControls } from '../devices/device.ts';
import { HttpError } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

function parseDeviceId(value: string) {
  const parsed = deviceIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(404, 'not-found', `Unknown device "${value}". Devices: ${deviceIdSchema.options.join(', ')}.`);
  }
  return parsed.data;
}

/** Runs a simulation control; a device that is not simulated answers 409 simulation-only. */
function control(action: () => void): void {
  try {
    action();
  } catch (error) {
    throw new HttpError(409, 'simulation-only', (error as Error).message);
  }
}

/**
 * /api/sim/*: the "dev dock" (vxsuite) that plugs simulated hardware in and out. Mounted only when
 * devices are simulated, so a kiosk with real hardware has no such routes at all.
 */
export function simulationRoutes(context: BridgeContext, simulation: SimulationControls): Router {
  const router = Router();
  const logged = (control: string, fields: Record<string, string> = {}) => context.logger.log('sim-control', { control, ...fields });

  router.get('/api/sim/fixtures', (_request, response) => {
    response.json(context.fixtures);
  });
  router.post('/api/sim/id-reader/card', (request, response) => {
    const body = parseBody(simCardRequestSchema, request);
    if ('cardType' in body || 'damaged' in body) {
      control(() => simulation.placeTestCard(body));
      logged('place-card', 'cardType' in body ? { cardType: body.cardType } : { damaged: 'true' });
      response.status(204).end();
      return;
    }
    let card;
    if ('fixture' in body) {
      card = context.fixtures.find((fixture) => fixture.id === body.fixture)?.card;
      if (!card) {
        const known = context.fixtures.map((fixture) => fixture.id).join(', ');
        throw new HttpError(404, 'not-found', `No fixture "${body.fixture}". Fixtures: ${known}.`);
      }
    } else {
      card = body.card;
    }
    control(() => simulation.placeCard(card));
    logged('place-card', 'fixture' in body ? { fixture: body.fixture } : {});
    response.status(204).end();
  });
  router.post('/api/sim/id-reader/fault', (request, response) => {
    const { fault } = parseBody(simIdReaderFaultRequestSchema, request);
    control(() => simulation.setIdReaderFault(fault));
    logged('id-reader-fault', { fault: fault ?? 'none' });
    response.status(204).end();
  });
  router.delete('/api/sim/id-reader/card', (_request, response) => {
    control(() => simulation.removeCard());
    logged('remove-card');
    response.status(204).end();
  });
  router.post('/api/sim/scanner/scan', (request, response) => {
    const { data } = parseBody(simScanRequestSchema, request);
    control(() => simulation.scan(data));
    logged('scan');
    response.status(204).end();
  });
  // what the simulated thermal printer printed (the dev panel shows the SVG; tests read the text)
  router.get('/api/sim/receipt-printer/receipts', (_request, response) => {
    let receipts: ReturnType<typeof simulation.receipts> = [];
    control(() => {
      receipts = simulation.receipts();
    });
    response.json({ receipts });
  });
  router.post('/api/sim/:printerId/state', (request, response) => {
    const printerId = request.params.printerId;
    if (printerId !== 'a4-printer' && printerId !== 'receipt-printer') {
      throw new HttpError(404, 'not-found', 'Printers are a4-printer and receipt-printer.');
    }
    const { state } = parseBody(simPrinterStateRequestSchema, request);
    control(() => simulation.setPrinterCondition(printerId, state));
    logged('printer-state', { device: printerId, state });
    response.status(204).end();
  });
  router.post('/api/sim/devices/:deviceId/:action', (request, response) => {
    const deviceId = parseDeviceId(request.params.deviceId);
    const action = request.params.action;
    if (action !== 'connect' && action !== 'disconnect') {
      throw new HttpError(404, 'not-found', 'Use /connect or /disconnect.');
    }
    control(() => (action === 'connect' ? simulation.connect(deviceId) : simulation.disconnect(deviceId)));
    logged(action, { device: deviceId });
    response.status(204).end();
  });
  return router;
}
