// Platform benchmarks (`npm run bench`): catalogue search latency (in-process embedded platform vs
// the HTTP adapter against the standalone server), outbox drain after a 10-minute outage of 1 000
// queued applications, each with a 64 KB–1 MB scanned page (line-back retry vs waiting out the
// backoff; 4 in flight vs 1), and the
// verification page (signed QR vs typed code).
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signedQrText } from '../../device-bridge/src/documents/qr-signature.ts';
import { createManualClock } from '../../device-bridge/src/devices/testing/manual-clock.ts';
import { createOutbox } from '../../device-bridge/src/outbox/outbox.ts';
import type { SubmitApplication } from '../../device-bridge/src/platform/contract.ts';
import { createEmbeddedPlatform } from '../../device-bridge/src/platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { freeLoopbackPort } from '../support/bridge-process.ts';
import { enrollKiosk, qrFieldsOf, sampleIssuedCertificate, startPlatformServer } from '../integration/platform-server.support.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

/** the bench's kiosk, enrolled with the server (recording issued certificates needs it) */
interface BenchKiosk {
  kioskId: string;
  token: string;
}

const queries = ['gjj', '证明', 'sb', '户口', '', 'jzz', '医保', 'bdc'];

async function timeEach(samples: number, action: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    await action(index);
    times.push(performance.now() - started);
  }
  return times;
}

async function benchCatalogue(serverUrl: string, kiosk: BenchKiosk, root: string): Promise<BenchResult[]> {
  const embedded = createEmbeddedPlatform({ file: path.join(root, 'embedded.db'), clock: systemClock, kioskId: 'BENCH' });
  const http = createHttpPlatform({ baseUrl: serverUrl, ...kiosk, timeoutMs: 5_000, readRetries: 0 });
  await timeEach(20, (index) => embedded.listServiceItems({ q: queries[index % queries.length] }));
  await timeEach(20, (index) => http.listServiceItems({ q: queries[index % queries.length] }));
  const local = await timeEach(400, (index) => embedded.listServiceItems({ q: queries[index % queries.length] }));
  const remote = await timeEach(400, (index) => http.listServiceItems({ q: queries[index % queries.length] }));
  embedded.close();
  return [
    {
      name: 'catalogue-search-embedded-median',
      value: round(median(local), 3),
      unit: 'ms',
      p95: round(percentile(local, 95), 3),
      samples: local.length,
      items: 34,
    },
    {
      name: 'catalogue-search-http-median',
      value: round(median(remote), 3),
      unit: 'ms',
      p95: round(percentile(remote, 95), 3),
      samples: remote.length,
      vsEmbedded: round(median(remote) / median(local), 1),
      note: 'HTTP adapter → npm run platform on loopback, zod-validated reply',
    },
  ];
}

/**
 * The scanned page of application `index`: 64 KB to 1 MB, spread evenly on a log scale (a phone-
 * camera page at 150–300 dpi), incompressible like the JPEG inside a real scan's PDF.
 */
function scannedPageOf(index: number): Buffer {
  const size = Math.round(64 * 1024 * 16 ** ((index * 0.618_033_988_7) % 1));
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);
}

async function benchOutboxDrain(
  serverUrl: string,
  kiosk: BenchKiosk,
  deadUrl: string,
  root: string,
  concurrency: number,
  lineBackRetry = true,
): Promise<BenchResult[]> {
  const count = 1_000;
  // on disk like the kiosk's store: 1 000 sealed applications with their pages are a few hundred MB
  const db = new Database(path.join(root, `outbox-${concurrency}.db`));
  db.pragma('journal_mode = WAL');
  const clock = createManualClock(new Date('2026-11-22T02:00:00Z'));
  let upstream = createHttpPlatform({ baseUrl: deadUrl, ...kiosk, timeoutMs: 2_000, readRetries: 0 });
  const outbox = createOutbox({
    db,
    key: randomBytes(32),
    clock,
    randomBytes,
    concurrency,
    handlers: {
      application: {
        send: (payload) => upstream.submitApplication(payload as SubmitApplication),
        acknowledged: () => undefined,
        refused: () => undefined,
      },
      rating: { send: async () => undefined, acknowledged: () => undefined, refused: () => undefined },
    },
  });
  const zhang = fixtureCitizen('zhang-wei').card;
  let materialBytes = 0;
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const key = randomUUID();
      const page = scannedPageOf(index);
      materialBytes += page.length;
      outbox.add('application', key, {
        idempotencyKey: key,
        localNumber: `BENCH-20261122-${index}`,
        // 城乡居民基本养老保险参保登记: its guide asks for the household register page the kiosk photographs
        itemCode: '330100-JD-00133-000',
        applicant: { idNumber: zhang.idNumber, name: zhang.name },
        form: { phone: '13800000000', grade: '500元' },
        materials: [{ materialId: 'household-register', fileName: 'household-register.pdf', pdfBase64: page.toString('base64') }],
        delivery: 'collect',
        submittedAt: '2026-11-22T10:00:00+08:00',
      } satisfies SubmitApplication);
    }
  })();
  // ten minutes of outage on the simulated clock: every row tried whenever its backoff says
  for (let elapsed = 0; elapsed <= 600_000; elapsed += 15_000) {
    await outbox.drainOnce();
    clock.advance(15_000);
  }
  const attempts = db.prepare('SELECT avg(attempts) AS a, max(next_attempt_at) AS last FROM outbox_schedule').get() as {
    a: number;
    last: number;
  };
  const waitOfLastRowS = Math.max(0, (attempts.last - clock.now().getTime()) / 1000);
  upstream = createHttpPlatform({ baseUrl: serverUrl, ...kiosk, timeoutMs: 5_000, readRetries: 0 });
  if (lineBackRetry) outbox.retryNow();
  else clock.advance(waitOfLastRowS * 1000);
  const started = performance.now();
  await outbox.drainOnce();
  const seconds = (performance.now() - started) / 1000;
  const left = outbox.stats().backlog;
  db.close();
  if (left !== 0) throw new Error(`${left} applications still waiting after the drain`);
  return [
    {
      name: `outbox-drain-rate-after-outage-${concurrency}-in-flight`,
      value: round(count / seconds, 0),
      unit: 'applications/s',
      applications: count,
      materialMegabytes: round(materialBytes / 1024 / 1024, 0),
      materialKilobytesPerApplication: '64–1024',
      megabytesPerSecond: round(materialBytes / 1024 / 1024 / seconds, 1),
      outageMinutes: 10,
      drainSeconds: round(seconds, 2),
      averageAttemptsDuringOutage: round(attempts.a, 1),
      // what the citizen's application would wait after the line is back without the line-back retry
      lastRowBackoffWaitSeconds: round(waitOfLastRowS, 0),
    },
  ];
}

async function benchVerification(serverUrl: string, kiosk: BenchKiosk, signingKey: KeyObject): Promise<BenchResult[]> {
  const http = createHttpPlatform({ baseUrl: serverUrl, ...kiosk, timeoutMs: 5_000, readRetries: 0 });
  const issued = sampleIssuedCertificate('SB20261122-BENCH001');
  await http.recordIssuedCertificate(issued);
  const qr = signedQrText(`${serverUrl}/verify`, qrFieldsOf(issued), signingKey);
  const typed = `${serverUrl}/verify?no=${issued.number}&code=${issued.verificationCode}`;
  const fetchText = async (url: string) => {
    const text = await (await fetch(url)).text();
    if (!text.includes('证明真实有效')) throw new Error('verification page did not say genuine');
  };
  await timeEach(20, () => fetchText(qr));
  const signed = await timeEach(300, () => fetchText(qr));
  const plain = await timeEach(300, () => fetchText(typed));
  return [
    {
      name: 'verification-page-signed-qr-median',
      value: round(median(signed), 2),
      unit: 'ms',
      p95: round(percentile(signed, 95), 2),
      samples: signed.length,
      vsTypedCode: round(median(signed) / median(plain), 2),
    },
    {
      name: 'verification-page-typed-code-median',
      value: round(median(plain), 2),
      unit: 'ms',
      p95: round(percentile(plain, 95), 2),
      samples: plain.length,
    },
  ];
}

export async function benchPlatform(): Promise<BenchResult[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tongban-bench-platform-'));
  const keys = generateKeyPairSync('ed25519');
  const dataDir = path.join(root, 'server');
  await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true });
  await writeFile(path.join(dataDir, 'trusted-keys', 'bench.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const kiosk: BenchKiosk = { kioskId: 'BENCH', token: enrollKiosk('BENCH', path.join(root, 'kiosk'), dataDir) };
  const server = await startPlatformServer({ dataDir });
  const deadUrl = `http://127.0.0.1:${await freeLoopbackPort()}`;
  try {
    return [
      ...(await benchCatalogue(server.url, kiosk, root)),
      ...(await benchOutboxDrain(server.url, kiosk, deadUrl, root, 4)),
      // the alternative: one at a time (what a simple sender does)
      ...(await benchOutboxDrain(server.url, kiosk, deadUrl, root, 1)),
      ...(await benchVerification(server.url, kiosk, keys.privateKey)),
    ];
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}
