// Starts the real standalone platform server (`npm run platform`) as a child process on a free
// loopback port with a throw-away data directory, for the platform and outbox integration tests.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SignedQrFields } from '../../device-bridge/src/documents/qr-signature.ts';
import type { IssuedCertificate } from '../../device-bridge/src/platform/platform.ts';
import { kioskPlatformToken } from '../../device-bridge/src/platform/http/kiosk-token.ts';
import { freeLoopbackPort } from '../support/bridge-process.ts';
import { repoRoot } from '../support/repo.ts';

export interface RunningPlatformServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** what the server wrote to stdout and stderr so far */
  output(): string;
  stop(): Promise<void>;
}

export async function startPlatformServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<RunningPlatformServer> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-platform-'));
  const dataDir = options.dataDir ?? path.join(tempDir, 'data');
  const port = options.port ?? (await freeLoopbackPort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/src/platform-server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PLATFORM_PORT: String(port),
      PLATFORM_DATA_DIR: dataDir,
      KIOSK_DATA_DIR: path.join(tempDir, 'no-kiosk'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: string) => {
      output += chunk;
      if (output.includes('"platform-listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform server exited (${code}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    dataDir,
    output: () => output,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        await rm(tempDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/**
 * Enrols a kiosk with the platform server the way an operator does (platform-server/enroll.ts):
 * the kiosk's token is made in its secrets, its hash added to the server's kiosk-tokens.json.
 * Returns the bearer token the kiosk's HTTP adapter sends.
 */
export function enrollKiosk(kioskId: string, kioskSecretsDir: string, platformDataDir: string): string {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'device-bridge/src/platform-server/enroll.ts', kioskId, kioskSecretsDir, platformDataDir],
    { cwd: repoRoot },
  );
  return kioskPlatformToken(kioskSecretsDir, randomBytes);
}

/**
 * A certificate as the kiosk reports it issued (masked holder only), for the verification page's
 * test and bench, and the fields its signed QR code carries: both must describe the same paper.
 */
export function sampleIssuedCertificate(number: string) {
  return {
    number,
    type: 'social-insurance-contribution' as const,
    verificationCode: '7K3Q9M2XAB0DEF12',
    contentSha256: 'a'.repeat(64),
    issuedAt: '2026-11-22T02:00:00.000Z',
    validUntil: '2099-12-22',
    maskedHolderName: '张*',
    maskedIdNumber: '330106********2171',
  } satisfies IssuedCertificate;
}

export function qrFieldsOf(issued: ReturnType<typeof sampleIssuedCertificate>): SignedQrFields {
  return {
    number: issued.number,
    code: issued.verificationCode,
    type: issued.type,
    maskedIdNumber: issued.maskedIdNumber,
    maskedName: issued.maskedHolderName,
    contentDigest: '0123456789abcdef',
    issuedOn: issued.issuedAt.slice(0, 10),
    validUntil: issued.validUntil,
  };
}
