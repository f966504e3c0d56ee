import type { CardIdentity } from '../../api/index.ts';
import type { EventLogger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { IdReader } from '../device.ts';
import { createSimulatedCable } from '../serial/simulated-cable.ts';
import { samCardOf, type SamCard } from './sam-card.ts';
import { createSamIdReader, type SamIdReader } from './sam-reader.ts';
import { createSamSimulator, type SamFault, type SamSimulator, type SamTimings } from './sam-simulator.ts';

/** The controls every simulated ID reader offers the dev panel and /api/sim (a person at the reader). */
export interface SimulatedIdReader extends IdReader {
  placeCard(identity: CardIdentity): void;
  /** a card the reader finds but cannot read (damaged chip, a bus card) */
  placeUnreadableCard(): void;
  removeCard(): void;
  connect(): void;
  disconnect(): void;
}

/**
 * The reader `npm start` runs: the real SAM driver (sam-reader.ts) talking GA/T 467 bytes over an
 * in-memory cable to the SAM simulator, so the code that runs on hardware is the code that runs
 * here. Plugging and unplugging the cable is the dev panel's connect/disconnect.
 */
export interface SimulatedSamReader extends SimulatedIdReader, SamIdReader {
  placeSamCard(card: SamCard): void;
  setFault(fault: SamFault | null): void;
  fault(): SamFault | null;
  readonly sam: SamSimulator;
}

/**
 * Simulated timings scaled from one number, the time a read takes (config `readMs`): 700 gives
 * the real modules' timings (find and select 30–80 ms, read 600–900 ms, poll every 250 ms); a test
 * that asks for a 20 ms read gets a proportionally quick reader.
 */
export function scaledSamTimings(readMs: number): { timings: Partial<SamTimings>; pollIntervalMs: number } {
  const f = readMs / 700;
  const range = (min: number, max: number) => [Math.round(min * f), Math.round(max * f)] as const;
  return {
    timings: { find: range(30, 80), select: range(30, 80), read: range(600, 900), other: [0, 0] },
    pollIntervalMs: Math.max(5, Math.round(250 * Math.min(1, f))),
  };
}

export function createSimulatedSamReader(options: {
  clock: Clock;
  readMs: number;
  random?: () => number;
  logger?: EventLogger;
}): SimulatedSamReader {
  const { clock } = options;
  const { timings, pollIntervalMs } = scaledSamTimings(options.readMs);
  const sam = createSamSimulator({ clock, random: options.random, timings });
  const cable = createSimulatedCable('reader', (deviceEnd) => sam.attach(deviceEnd));

  const reader = createSamIdReader({
    driver: 'simulated',
    clock,
    pollIntervalMs,
    logger: options.logger,
    // the cable comes back quickly in simulation; the backoff logic is the real one
    backoff: { initialDelayMs: 50, maxDelayMs: 500 },
    open: cable.open,
  });

  const startDriver = reader.start;
  return Object.assign(reader, {
    sam,
    /**
     * Resolves once the driver has opened the cable and the SAM answered its status (all without
     * module time), so a bridge that just started already reports the reader ready.
     */
    async start() {
      await startDriver();
      for (let turn = 0; turn < 100 && reader.status().reason === 'stopped'; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    placeCard: (identity: CardIdentity) => sam.placeCard(samCardOf(identity)),
    placeSamCard: (card: SamCard) => sam.placeCard(card),
    placeUnreadableCard: () => sam.placeCard({ ...samCardOf(unreadableStandIn), damaged: true }),
    removeCard: () => sam.removeCard(),
    setFault: (fault: SamFault | null) => sam.setFault(fault),
    fault: () => sam.fault(),
    connect: cable.connect,
    disconnect: cable.disconnect,
  });
}

/** Text for the damaged card: its chip never gets as far as giving it out. */
const unreadableStandIn: CardIdentity = {
  name: '无',
  sex: '0',
  nation: '01',
  birthDate: '20000101',
  address: '',
  idNumber: '110101200001010000',
  issuer: '',
  validFrom: '20200101',
  validTo: '20300101',
};
