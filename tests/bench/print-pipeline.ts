// The print path a citizen waits on: "confirm" pressed → certificate rendered, job committed to
// SQLite and the encrypted spool, sent to CUPS, CUPS answered with a job id (state "submitted").
// Measured with the real print service, store, spool and IPP driver against a private cupsd.
// Also the ESC/POS encode time of a receipt (what the thermal printer path adds in the bridge).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createCupsA4Printer } from '../../device-bridge/src/devices/a4-printer/cups.ts';
import { encodeReceipt } from '../../device-bridge/src/devices/receipt-printer/codec/encoder.ts';
import { newCertificateNumber } from '../../device-bridge/src/documents/index.ts';
import { queueTicketDocument } from '../../device-bridge/src/documents/receipts/receipts.ts';
import { createEventBus } from '../../device-bridge/src/events/event-bus.ts';
import { createMemoryLogger } from '../../device-bridge/src/log/logger.ts';
import { createEmbeddedPlatform } from '../../device-bridge/src/platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createPrintService } from '../../device-bridge/src/printing/print-service.ts';
import { createSpool } from '../../device-bridge/src/printing/spool.ts';
import { openKioskStore } from '../../device-bridge/src/store/store.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { startPrivateCups } from '../support/cups.ts';
import { benchCertificateRenderer } from './bench-renderer.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

const jobs = 20;

export async function benchPrintPipeline(): Promise<BenchResult[]> {
  const cups = await startPrivateCups();
  const dataDir = await mkdtemp(join(os.tmpdir(), 'tongban-bench-print-'));
  const logger = createMemoryLogger();
  const store = openKioskStore(dataDir, logger);
  const platform = createEmbeddedPlatform({ file: ':memory:', clock: systemClock });
  const printer = createCupsA4Printer({ server: cups.server, queue: cups.queue, pollMs: 50, clock: systemClock });
  const bus = createEventBus();
  const renderer = benchCertificateRenderer();
  const service = createPrintService({
    store: store.printJobs,
    printer,
    spool: createSpool({ dir: join(dataDir, 'spool'), key: randomBytes(32), randomBytes }),
    platform,
    render: (data, number) => renderer.render(data, number),
    newCertificateNumber: (type) => newCertificateNumber(new Date(), randomBytes, type),
    newJobId: randomUUID,
    bus,
    logger,
    clock: systemClock,
    resumeWithinMs: 120_000,
    activeSessionId: () => 'bench',
  });
  const results: BenchResult[] = [];
  try {
    await printer.start();
    const session = { id: 'bench', identity: fixtureCitizen('zhang-wei').card, startedAt: new Date() };
    const accepted: number[] = [];
    const submitted: number[] = [];
    for (let index = 0; index < jobs + 2; index++) {
      const started = performance.now();
      let submittedAt = 0;
      const seen = new Promise<void>((resolve) => {
        const unsubscribe = bus.subscribe((event) => {
          if (event.type === 'job' && event.job.state !== 'queued') {
            submittedAt = performance.now();
            unsubscribe();
            resolve();
          }
        });
      });
      await service.submit(session, 'social-insurance-contribution');
      const acceptedAt = performance.now();
      await seen;
      await service.drain();
      if (index >= 2) {
        accepted.push(acceptedAt - started);
        submitted.push(submittedAt - started);
      }
    }
    results.push(
      {
        name: 'print-confirm-to-stored-median',
        value: round(median(accepted), 1),
        unit: 'ms',
        samples: jobs,
        what: 'render + SQLite + spool fsync, the 202',
      },
      { name: 'print-confirm-to-cups-accepted-median', value: round(median(submitted), 1), unit: 'ms', samples: jobs, target: '≤ 300 ms' },
      { name: 'print-confirm-to-cups-accepted-p95', value: round(percentile(submitted, 95), 1), unit: 'ms', samples: jobs },
    );
  } finally {
    await printer.stop();
    store.close();
    platform.close();
    await cups.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  const ticket = queueTicketDocument({
    number: 'A023',
    category: 'social-insurance',
    ahead: 7,
    hallName: '通办示例政务服务中心',
    windows: ['B12', 'B13'],
    issuedAt: new Date().toISOString(),
  });
  const encodeTimes: number[] = [];
  for (let index = 0; index < 2000; index++) {
    const started = performance.now();
    encodeReceipt(ticket);
    encodeTimes.push(performance.now() - started);
  }
  results.push({
    name: 'receipt-encode-median',
    value: round(median(encodeTimes.slice(200)) * 1000, 1),
    unit: 'µs',
    samples: 1800,
    bytes: encodeReceipt(ticket).length,
  });
  return results;
}
