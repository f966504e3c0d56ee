// `npm run doctor -- <command>`: the technician's command line, for SSH with no screen.
//   ports                 serial ports and HID devices the OS sees (pick paths/ids for the config)
//   check-config [file]   validate a site config file (default: $KIOSK_CONFIG) with the start-up schema
//   test-devices          start the configured devices here, report each one's status, stop them
//                         (stop the bridge first when real serial devices are configured: a port has one owner)
//   health [url]          ask the running bridge (default http://127.0.0.1:$KIOSK_PORT or the config port)
//   set-pin [--pin-stdin] set the technician PIN (asked twice on a terminal; one line on stdin otherwise)
//   audit [n]             the last n technician / remote actions from the kiosk store
//   fleet-key             print this kiosk's MQTT command key (base64) for the operator console
// Exit code 0 = all fine, 1 = a check failed, 2 = wrong usage.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, repoRoot } from '../config/load.ts';
import { createDevices, startAll, stopAll } from '../devices/create-devices.ts';
import { createEventLogger } from '../log/logger.ts';
import { loadOrCreateKey, secretsDirOf } from '../secrets/secrets.ts';
import { openDatabase } from '../store/database.ts';
import { storeMigrations } from '../store/migrations.ts';
import { systemClock } from '../time/clock.ts';
import { createAuditLog } from '../technician/audit-log.ts';
import { hashPin, pinSchema, writeStoredPin } from '../technician/pin-hash.ts';
import { deviceIds } from '../api/index.ts';
import { hex4, listHidDevices, listSerialPorts } from './hardware.ts';

const out = (line = '') => process.stdout.write(line + '\n');
const dataDir = () => resolve(process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
/** the keys' directory as the bridge finds it: config secrets.dir (default var/secrets) */
function secretsDir(): string {
  try {
    return secretsDirOf(loadConfig(process.env), dataDir());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out(`The configuration does not load, so the keys' directory is unknown: ${error.message}`);
    process.exit(1);
  }
}

async function ports(): Promise<number> {
  out('Serial ports:');
  try {
    const serial = await listSerialPorts();
    if (serial.length === 0) out('  (none)');
    for (const port of serial) {
      out(`  ${port.path}  ${hex4(port.vendorId)}:${hex4(port.productId)}  ${port.manufacturer ?? ''} ${port.serialNumber ? `s/n ${port.serialNumber}` : ''}`.trimEnd());
    }
  } catch (error) {
    out(`  cannot list serial ports: ${(error as Error).message}`);
  }
  out('HID devices:');
  try {
    const hid = await listHidDevices();
    if (hid.length === 0) out('  (none)');
    for (const device of hid) {
      out(`  ${hex4(device.vendorId)}:${hex4(device.productId)}  ${device.manufacturer ?? ''} ${device.product ?? ''}  ${device.path ?? ''}`.trimEnd());
    }
  } catch (error) {
    out(`  cannot list HID devices: ${(error as Error).message}`);
  }
  return 0;
}

function checkConfig(file: string | undefined): number {
  const env = { ...process.env };
  if (file !== undefined) env.KIOSK_CONFIG = file;
  if (env.KIOSK_CONFIG && !existsSync(env.KIOSK_CONFIG)) {
    out(`${env.KIOSK_CONFIG}: no such file`);
    return 1;
  }
  try {
    const config = loadConfig(env);
    out(`OK: ${env.KIOSK_CONFIG ?? 'config/default.json'} is valid (kiosk ${config.kiosk.id}, ${config.kiosk.siteName})`);
    for (const id of deviceIds) out(`  ${id.padEnd(16)} ${JSON.stringify(config.devices[id])}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      out(`INVALID: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function testDevices(): Promise<number> {
  const config = loadConfig(process.env);
  const logger = createEventLogger({ level: 'error' });
  const { devices } = createDevices(config.devices, { clock: systemClock, logger, printOutDir: join(dataDir(), 'print-out') });
  let failed = 0;
  try {
    await startAll(devices);
    // give serial links a moment to open and answer their first poll
    await new Promise((done) => setTimeout(done, 2_000));
    for (const id of deviceIds) {
      const status = devices[id].status();
      const ok = status.state === 'ready' || status.state === 'busy' || status.state === 'degraded';
      if (!ok) failed++;
      out(`${ok ? 'OK  ' : 'FAIL'} ${id.padEnd(16)} ${status.driver.padEnd(14)} ${status.state}${status.reason ? ` (${status.reason})` : ''}`);
    }
  } catch (error) {
    out(`FAIL could not start the devices: ${(error as Error).message}`);
    return 1;
  } finally {
    await stopAll(devices);
  }
  return failed === 0 ? 0 : 1;
}

async function health(url: string | undefined): Promise<number> {
  const base = url ?? `http://127.0.0.1:${process.env.KIOSK_PORT || loadConfig(process.env).server.port}`;
  let response: Response;
  try {
    response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    out(`The bridge does not answer at ${base}: ${(error as Error).message}`);
    return 1;
  }
  const body = (await response.json()) as {
    status: string;
    version: string;
    site: { kioskId: string; name: string };
    devices: Array<{ id: string; state: string; reason?: string; driver: string }>;
  };
  out(`${body.site.kioskId} (${body.site.name}) bridge ${body.version}: ${body.status}`);
  for (const device of body.devices) {
    out(`  ${device.id.padEnd(16)} ${device.driver.padEnd(14)} ${device.state}${device.reason ? ` (${device.reason})` : ''}`);
  }
  return body.status === 'ok' ? 0 : 1;
}

async function readLines(count: number, prompts: string[]): Promise<string[]> {
  const reader = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  let index = 0;
  if (process.stdin.isTTY) process.stdout.write(prompts[0] ?? '');
  for await (const line of reader) {
    lines.push(line.trim());
    index++;
    if (index >= count) break;
    if (process.stdin.isTTY) process.stdout.write(prompts[index] ?? '');
  }
  reader.close();
  return lines;
}

async function setPin(args: string[]): Promise<number> {
  const fromStdin = args.includes('--pin-stdin') || !process.stdin.isTTY;
  const lines = fromStdin ? await readLines(1, []) : await readLines(2, ['New technician PIN (6–12 digits): ', 'Again: ']);
  const [pin, again] = lines;
  if (pin === undefined || !pinSchema.safeParse(pin).success) {
    out('A PIN is 6 to 12 digits. Nothing was changed.');
    return 1;
  }
  if (!fromStdin && pin !== again) {
    out('The two PINs differ. Nothing was changed.');
    return 1;
  }
  const dir = dataDir();
  const pepper = loadOrCreateKey(secretsDir(), 'technician-pepper', randomBytes);
  writeStoredPin(dir, await hashPin(pin, pepper));
  const db = openDatabase(join(dir, 'kiosk.db'), storeMigrations);
  try {
    createAuditLog(db, () => new Date()).record({ actor: 'doctor', action: 'set-pin', outcome: 'ok' });
    // a new PIN also clears a lockout: the person setting it has root on the kiosk anyway
    db.prepare('DELETE FROM technician_lockout').run();
  } finally {
    db.close();
  }
  out(`Technician PIN set (scrypt, in ${join(dir, 'secrets')}).`);
  return 0;
}

function audit(limit: string | undefined): number {
  const db = openDatabase(join(dataDir(), 'kiosk.db'), storeMigrations);
  try {
    const entries = createAuditLog(db, () => new Date()).recent(Number(limit ?? 30) || 30);
    if (entries.length === 0) out('(no technician or remote actions recorded)');
    for (const entry of entries.reverse()) {
      out(`${entry.at}  ${entry.actor.padEnd(10)} ${entry.action.padEnd(24)} ${entry.outcome}${entry.detail ? `  ${entry.detail}` : ''}`);
    }
  } finally {
    db.close();
  }
  return 0;
}

function fleetKey(): number {
  // made on first use, exactly as the bridge would; the operator console signs commands with it
  out(loadOrCreateKey(secretsDir(), 'fleet-command', randomBytes).toString('base64'));
  return 0;
}

const usage = `usage: npm run doctor -- <ports | check-config [file] | test-devices | health [url] | set-pin [--pin-stdin] | audit [n] | fleet-key>`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ports':
      return ports();
    case 'check-config':
      return checkConfig(rest[0]);
    case 'test-devices':
      return testDevices();
    case 'health':
      return health(rest[0]);
    case 'set-pin':
      return setPin(rest);
    case 'audit':
      return audit(rest[0]);
    case 'fleet-key':
      return fleetKey();
    default:
      out(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
