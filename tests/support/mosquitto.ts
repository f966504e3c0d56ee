// Debian's Mosquitto, started by a test on loopback in a temp dir: no anonymous access, a password
// file made with mosquitto_passwd, and the fleet ACL (each kiosk user confined to kiosk/<its id>/…).
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { repoRoot } from './repo.ts';
import { freeLoopbackPort } from './bridge-process.ts';
import { waitForListening } from './wait-for-listening.ts';

const run = promisify(execFile);

/** The ACL shipped for the fleet: each kiosk user confined to kiosk/<its id>/… */
export const fleetAcl = readFileSync(path.join(repoRoot, 'config/monitoring/mosquitto/acl'), 'utf8');

export interface RunningBroker {
  url: string;
  port: number;
  logs(): string;
  stop(): Promise<void>;
}

export async function startMosquitto(users: Record<string, string>, acl = fleetAcl): Promise<RunningBroker> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-mosquitto-'));
  // mosquitto started as root drops to user "mosquitto": its files must be readable by that user
  await chmod(dir, 0o755);
  const passwordFile = path.join(dir, 'passwords');
  await writeFile(passwordFile, '');
  for (const [user, password] of Object.entries(users)) await run('mosquitto_passwd', ['-b', passwordFile, user, password]);
  await chmod(passwordFile, 0o644);
  await writeFile(path.join(dir, 'acl'), acl);
  const port = await freeLoopbackPort();
  await writeFile(
    path.join(dir, 'mosquitto.conf'),
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwordFile}`,
      `acl_file ${path.join(dir, 'acl')}`,
      // persistence keeps queued QoS 1 commands for offline kiosks across a broker restart too
      'persistence true',
      `persistence_location ${dir}/`,
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
    ].join('\n') + '\n',
  );
  const child = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForListening('mosquitto to listen', child, port, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `mqtt://127.0.0.1:${port}`, port, logs: () => output, stop };
}
