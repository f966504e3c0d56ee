import type { DeviceId } from '../api/index.ts';
import type { DevicesConfig } from '../config/schema.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import { createCupsA4Printer } from './a4-printer/cups.ts';
import { createSimulatedA4Printer } from './a4-printer/simulator.ts';
import { createSimulatedCamera } from './camera/simulator.ts';
import { createV4l2Camera } from './camera/v4l2-camera.ts';
import type { Device, DeviceSet, SimulationControls } from './device.ts';
import { createSamIdReader } from './id-reader/sam-reader.ts';
import { createSimulatedSamReader } from './id-reader/simulated-sam-reader.ts';
import { createHidPosScanner, nodeHidBackend } from './scanner/hid-pos-scanner.ts';
import { createSerialScanner } from './scanner/serial-scanner.ts';
import { serialPortOpener } from './serial/serialport-line.ts';
import { closeRecordingOnStop, trafficRecorder } from './serial/traffic-recorder.ts';
import { createEscPosReceiptPrinter } from './receipt-printer/escpos-printer.ts';
import { createSimulatedReceiptPrinter } from './receipt-printer/simulator.ts';
import { createSimulatedScanner } from './scanner/simulator.ts';
import { createSimulationControls, type Simulators } from './simulation-controls.ts';

export interface DeviceDeps {
  clock: Clock;
  logger: EventLogger;
  /** where the simulated A4 printer puts its "paper" (one PDF per job) */
  printOutDir: string;
}

/**
 * Reached only when config holds a driver this switch does not handle. Config is validated at
 * start, so at run time this means the schema and this file disagree. Its `never` parameter makes
 * adding a driver to the config schema a compile error here until the driver is wired in.
 */
function unhandledDriver(device: DeviceId, config: never): never {
  const driver = (config as { driver?: unknown }).driver;
  throw new Error(`${device}: driver ${JSON.stringify(driver)} is not built into this bridge`);
}

/**
 * The composition root for devices: builds each device from its configured driver, logs every
 * status change, and returns the simulation controls when any device is simulated (null when all
 * are real, so /api/sim/* can be left out entirely).
 * Devices are returned stopped; call `startAll` once the bridge is listening for their events.
 */
export function createDevices(config: DevicesConfig, deps: DeviceDeps): { devices: DeviceSet; simulation: SimulationControls | null } {
  const { clock, logger, printOutDir } = deps;
  const simulators: Simulators = {};

  function idReader(): DeviceSet['id-reader'] {
    const entry = config['id-reader'];
    switch (entry.driver) {
      case 'simulated':
        // the real SAM driver over an in-memory cable to the SAM simulator
        return (simulators['id-reader'] = createSimulatedSamReader({ clock, readMs: entry.readMs, logger }));
      case 'sam-serial': {
        const recorder = trafficRecorder('id-reader', entry.recordTraffic, { clock, logger });
        const reader = createSamIdReader({
          driver: 'sam-serial',
          open: serialPortOpener({ path: entry.path, baudRate: entry.baudRate }),
          clock,
          timeouts: entry.timeouts,
          pollIntervalMs: entry.pollIntervalMs,
          readFingerprint: entry.readFingerprint,
          readAppendedAddress: entry.readAppendedAddress,
          logger,
          tap: recorder?.tap,
        });
        return closeRecordingOnStop(reader, recorder);
      }
      default:
        return unhandledDriver('id-reader', entry);
    }
  }

  function scanner(): DeviceSet['scanner'] {
    const entry = config.scanner;
    switch (entry.driver) {
      case 'simulated':
        // the real USB-CDC driver over an in-memory cable to a scanner simulator, like the ID reader
        return (simulators.scanner = createSimulatedScanner({ clock, logger }));
      case 'serial': {
        const recorder = trafficRecorder('scanner', entry.recordTraffic, { clock, logger });
        const scanner = createSerialScanner({
          driver: 'serial',
          open: serialPortOpener({ path: entry.path, baudRate: entry.baudRate }),
          clock,
          suffix: entry.suffix,
          logger,
          tap: recorder?.tap,
        });
        return closeRecordingOnStop(scanner, recorder);
      }
      case 'hid-pos':
        return createHidPosScanner({ ...entry, clock, backend: nodeHidBackend, logger });
      default:
        return unhandledDriver('scanner', entry);
    }
  }

  function a4Printer(): DeviceSet['a4-printer'] {
    const entry = config['a4-printer'];
    switch (entry.driver) {
      case 'simulated':
        return (simulators['a4-printer'] = createSimulatedA4Printer({ clock, pageMs: entry.pageMs, printOutDir }));
      case 'cups':
        return createCupsA4Printer({
          server: entry.server,
          queue: entry.queue,
          pollMs: entry.pollMs,
          faultGraceMs: entry.faultGraceMs,
          maxHeldMs: entry.maxHeldMs,
          clock,
        });
      default:
        return unhandledDriver('a4-printer', entry);
    }
  }

  function receiptPrinter(): DeviceSet['receipt-printer'] {
    const entry = config['receipt-printer'];
    switch (entry.driver) {
      case 'simulated':
        return (simulators['receipt-printer'] = createSimulatedReceiptPrinter({ clock }));
      case 'escpos-serial':
        return createEscPosReceiptPrinter({
          open: serialPortOpener({ path: entry.path, baudRate: entry.baudRate }),
          clock,
          driver: 'escpos-serial',
          pollMs: entry.pollMs,
          replyTimeoutMs: entry.replyTimeoutMs,
        });
      default:
        return unhandledDriver('receipt-printer', entry);
    }
  }

  function faceCamera(): DeviceSet['camera'] {
    const entry = config.camera;
    switch (entry.driver) {
      case 'simulated':
        return (simulators.camera = createSimulatedCamera('camera', { clock }));
      case 'v4l2':
        return createV4l2Camera({
          id: 'camera',
          clock,
          ...entry,
          onError: (message) => logger.log('device-error', { device: 'camera', message }),
        });
      default:
        return unhandledDriver('camera', entry);
    }
  }

  function documentCamera(): DeviceSet['document-camera'] {
    const entry = config['document-camera'];
    switch (entry.driver) {
      case 'simulated':
        return (simulators['document-camera'] = createSimulatedCamera('document-camera', { clock }));
      case 'v4l2':
        return createV4l2Camera({
          id: 'document-camera',
          clock,
          ...entry,
          onError: (message) => logger.log('device-error', { device: 'document-camera', message }),
        });
      default:
        return unhandledDriver('document-camera', entry);
    }
  }

  const devices: DeviceSet = {
    'id-reader': idReader(),
    scanner: scanner(),
    'a4-printer': a4Printer(),
    'receipt-printer': receiptPrinter(),
    camera: faceCamera(),
    'document-camera': documentCamera(),
  };

  for (const device of listDevices(devices)) {
    // Only the device id, its state and a machine reason: never anything a card or page carried.
    device.onStatus((status) => logger.log('device-status-changed', { device: status.id, state: status.state, reason: status.reason }));
  }

  const anySimulated = Object.values(simulators).some((simulator) => simulator !== undefined);
  return { devices, simulation: anySimulated ? createSimulationControls(devices, simulators) : null };
}

/** The six devices in a fixed order (the order the health endpoint lists them). */
export function listDevices(devices: DeviceSet): Device[] {
  return [
    devices['id-reader'],
    devices.scanner,
    devices['a4-printer'],
    devices['receipt-printer'],
    devices.camera,
    devices['document-camera'],
  ];
}

/**
 * Runs one lifecycle step on every device. Every device gets its turn even if another fails, so
 * one broken driver cannot leave the others half started (or a printer running after shutdown).
 */
async function forEveryDevice(devices: DeviceSet, step: 'start' | 'stop'): Promise<void> {
  const list = listDevices(devices);
  const results = await Promise.allSettled(list.map((device) => device[step]()));
  const failed = results.flatMap((result, index) => (result.status === 'rejected' ? [{ id: list[index]!.id, error: result.reason }] : []));
  if (failed.length > 0) {
    throw new AggregateError(
      failed.map((failure) => failure.error),
      `could not ${step} ${failed.map((failure) => failure.id).join(', ')}`,
    );
  }
}

export function startAll(devices: DeviceSet): Promise<void> {
  return forEveryDevice(devices, 'start');
}

export function stopAll(devices: DeviceSet): Promise<void> {
  return forEveryDevice(devices, 'stop');
}
