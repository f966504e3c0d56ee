import type { CardIdentity, DeviceId, PrinterCondition } from '../api/index.ts';
import type { DeviceSet, SimulationControls } from './device.ts';
import type { SimulatedA4Printer } from './a4-printer/simulator.ts';
import type { SimulatedCamera } from './camera/simulator.ts';
import type { SimulatedSamReader } from './id-reader/simulated-sam-reader.ts';
import { fixtureSamCard } from './id-reader/fixture-cards.ts';
import { receiptText } from './receipt-printer/codec/interpreter.ts';
import { receiptSvg } from './receipt-printer/render-image.ts';
import type { SimulatedReceiptPrinter } from './receipt-printer/simulator.ts';
import type { SimulatedScanner } from './scanner/simulator.ts';

/** The simulators behind a device set; a device driven by real hardware has none. */
export interface Simulators {
  'id-reader'?: SimulatedSamReader;
  scanner?: SimulatedScanner;
  'a4-printer'?: SimulatedA4Printer;
  'receipt-printer'?: SimulatedReceiptPrinter;
  camera?: SimulatedCamera<'camera'>;
  'document-camera'?: SimulatedCamera<'document-camera'>;
}

/**
 * The controls behind /api/sim/*: a person (or test) plugging cables, placing cards, emptying
 * paper trays. Each control acts on one simulator and refuses, naming the device and its driver,
 * when that device is real hardware: pretending to place a card on a real reader would mislead.
 */
export function createSimulationControls(devices: DeviceSet, simulators: Simulators): SimulationControls {
  function simulatorOf<Id extends keyof Simulators>(id: Id): NonNullable<Simulators[Id]> {
    const simulator = simulators[id];
    if (simulator === undefined) {
      throw new Error(`${id} is not simulated (driver "${devices[id].driver}"): simulation controls only work on simulated devices`);
    }
    return simulator;
  }

  return {
    placeCard: (identity: CardIdentity) => simulatorOf('id-reader').placeCard(identity),
    placeTestCard: (card) =>
      'damaged' in card
        ? simulatorOf('id-reader').placeUnreadableCard()
        : simulatorOf('id-reader').placeSamCard(fixtureSamCard(card.cardType)),
    setIdReaderFault: (fault) => simulatorOf('id-reader').setFault(fault),
    removeCard: () => simulatorOf('id-reader').removeCard(),
    scan: (data: string) => simulatorOf('scanner').scan(data),
    receipts: () =>
      simulatorOf('receipt-printer')
        .receipts()
        .map((receipt) => ({ text: receiptText(receipt), svg: receiptSvg(receipt), incomplete: receipt.incomplete })),
    setPrinterCondition: (printer: 'a4-printer' | 'receipt-printer', condition: PrinterCondition) =>
      simulatorOf(printer).setCondition(condition),
    disconnect: (device: DeviceId) => simulatorOf(device).disconnect(),
    connect: (device: DeviceId) => simulatorOf(device).connect(),
  };
}
