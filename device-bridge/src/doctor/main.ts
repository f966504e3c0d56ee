// `npm run doctor -- <command>`: the technician's command line, for SSH with no screen.
//   ports                 serial ports and HID devices the OS sees (pick paths/ids for the config)
//   check-config [file]   validate a site config file (default: $KIOSK_CONFIG) with the start-up schema
//   test-devices [--with-card] [--with-scan]
//                         run each device's self-test (A4 test page, receipt test ticket, camera
//                         snapshots; card and scan tests only with the flags, as they wait for a person):
//                         through the running bridge when there is one (it owns the ports), else by
//                         starting the configured devices here
//   health [url]          ask the running bridge (default http://127.0.0.1:$KIOSK_PORT or the config port)
//   bundle [file]         write the diagnostic bundle (default: the USB stick if mounted, else <data>/exports)
//   set-pin [--pin-stdin] set the technician PIN (asked twice on a terminal; one line on stdin otherwise)
//   audit [n]             the last n technician / remote / doctor actions from the kiosk store
//   fleet-key             print this kiosk's MQTT command key (base64) for the operator console
//   cups-setup            set up the configured CUPS queue for the kiosk (abort-job, MaxJobTime,
//                         PreserveJobFiles No) and check its device URI (ipp://, not socket://)
// Exit code 0 = all fine, 1 = a check failed, 2 = wrong usage. Every command is in the audit log
// (actor "doctor") once the kiosk has a store.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, repoRoot } from '../config/load.ts';
import { loadOrCreateKey, secretsDirOf } from '../secrets/secrets.ts';
import { openDatabase } from '../store/database.ts';
import { storeMigrations } from '../store/migrations.ts';
import { createAuditLog, type AuditEntry } from '../technician/audit-log.ts';
import { hashPin, pinSchema, writeStoredPin } from '../technician/pin-hash.ts';
import { deviceIds } from '../api/index.ts';
import { reachBridge } from './bridge-link.ts';
import { collectBundle, saveBundle } from './bundle.ts';
import { setUpCupsQueue } from './cups-setup.ts';
import { hex4, listHidDevices, listSerialPorts } from './hardware.ts';
import { testLocally, testThroughBridge } from './test-devices.ts';

const out = (line = '') => process.stdout.write(line + '\n');
const dataDir = () => resolve(process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
const storeFile = () => join(dataDir(), 'kiosk.db');
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

/** The outcome of a command: its exit code and what goes into the audit log. */
interface Outcome {
  code: 0 | 1 | 2;
  detail?: string;
}

function withAudit<T>(use: (audit: ReturnType<typeof createAuditLog>) => T): T {
  const db = openDatabase(storeFile(), storeMigrations);
  try {
    return use(createAuditLog(db, () => new Date()));
  } finally {
    db.close();
  }
}

/** Audited where the kiosk keeps its store; a build box without one has nothing to audit into. */
function record(action: string, outcome: Outcome): void {
  if (!existsSync(storeFile())) return;
  try {
    withAudit((audit) =>
      audit.record({
        actor: 'doctor',
        action,
        outcome: outcome.code === 0 ? 'ok' : outcome.code === 1 ? 'failed' : 'usage',
        detail: outcome.detail?.slice(0, 300) ?? null,
      }),
    );
  } catch (error) {
    process.stderr.write(`(not audited: ${(error as Error).message})\n`);
  }
}

function bridgeBase(url?: string): string {
  return url ?? `http://127.0.0.1:${process.env.KIOSK_PORT || loadConfig(process.env).server.port}`;
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
}

async function ports(): Promise<Outcome> {
  let serialCount = 0;
  let hidCount = 0;
  out('Serial ports:');
  try {
    const serial = await listSerialPorts();
    serialCount = serial.length;
    if (serial.length === 0) out('  (none)');
    for (const port of serial) {
      out(
        `  ${port.path}  ${hex4(port.vendorId)}:${hex4(port.productId)}  ${port.manufacturer ?? ''} ${port.serialNumber ? `s/n ${port.serialNumber}` : ''}`.trimEnd(),
      );
    }
  } catch (error) {
    out(`  cannot list serial ports: ${(error as Error).message}`);
  }
  out('HID devices:');
  try {
    const hid = await listHidDevices();
    hidCount = hid.length;
    if (hid.length === 0) out('  (none)');
    for (const device of hid) {
      out(
        `  ${hex4(device.vendorId)}:${hex4(device.productId)}  ${device.manufacturer ?? ''} ${device.product ?? ''}  ${device.path ?? ''}`.trimEnd(),
      );
    }
  } catch (error) {
    out(`  cannot list HID devices: ${(error as Error).message}`);
  }
  return { code: 0, detail: `${serialCount} serial, ${hidCount} HID` };
}

function checkConfig(file: string | undefined): Outcome {
  const env = { ...process.env };
  if (file !== undefined) env.KIOSK_CONFIG = file;
  if (env.KIOSK_CONFIG && !existsSync(env.KIOSK_CONFIG)) {
    out(`${env.KIOSK_CONFIG}: no such file`);
    return { code: 1, detail: `${env.KIOSK_CONFIG}: no such file` };
  }
  try {
    const config = loadConfig(env);
    out(`OK: ${env.KIOSK_CONFIG ?? 'config/default.json'} is valid (kiosk ${config.kiosk.id}, ${config.kiosk.siteName})`);
    for (const id of deviceIds) out(`  ${id.padEnd(16)} ${JSON.stringify(config.devices[id])}`);
    return { code: 0, detail: env.KIOSK_CONFIG ?? 'config/default.json' };
  } catch (error) {
    if (error instanceof ConfigError) {
      out(`INVALID: ${error.message}`);
      return { code: 1, detail: error.message.split('\n').slice(1).join('; ') || error.message };
    }
    throw error;
  }
}

async function testDevices(args: string[]): Promise<Outcome> {
  const unknown = args.filter((arg) => arg !== '--with-card' && arg !== '--with-scan');
  if (unknown.length > 0) {
    out(`test-devices: unknown option ${unknown.join(' ')} (use --with-card, --with-scan)`);
    return { code: 2, detail: `unknown option ${unknown.join(' ')}` };
  }
  const options = { withCard: args.includes('--with-card'), withScan: args.includes('--with-scan'), waitSeconds: 30 };
  const config = loadConfig(process.env);
  const { link, why } = await reachBridge(bridgeBase(), secretsDir());
  out(link ? `${why} (it owns the devices' ports)` : `${why}: starting the configured devices here`);
  let reports;
  try {
    reports = link ? await testThroughBridge(link, options, out) : await testLocally(config, dataDir(), options, out);
  } catch (error) {
    out(`FAIL could not run the self-tests: ${(error as Error).message}`);
    return { code: 1, detail: (error as Error).message };
  }
  const failed = reports.filter((report) => !report.ok).map((report) => report.device);
  return {
    code: failed.length === 0 ? 0 : 1,
    detail: `${link ? 'via bridge' : 'local'}; ${failed.length === 0 ? 'all ok' : `failed: ${failed.join(', ')}`}`,
  };
}

async function health(url: string | undefined): Promise<Outcome> {
  const base = bridgeBase(url);
  let response: Response;
  try {
    response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    out(`The bridge does not answer at ${base}: ${(error as Error).message}`);
    return { code: 1, detail: `no answer at ${base}` };
  }
  const body = (await response.json()) as {
    status: string;
    version: string;
    site: { kioskId: string; name: string };
    devices: Array<{ id: string; state: string; reason?: string; driver: string; detail?: string }>;
  };
  out(`${body.site.kioskId} (${body.site.name}) bridge ${body.version}: ${body.status}`);
  for (const device of body.devices) {
    out(
      `  ${device.id.padEnd(16)} ${device.driver.padEnd(14)} ${device.state}${device.reason ? ` (${device.reason})` : ''}${device.detail ? `  ${device.detail}` : ''}`,
    );
  }
  return { code: body.status === 'ok' ? 0 : 1, detail: body.status };
}

async function bundle(file: string | undefined): Promise<Outcome> {
  const config = loadConfig(process.env);
  const { link, why } = await reachBridge(bridgeBase(), secretsDir());
  const collected = await collectBundle({
    link,
    why,
    config,
    version: readVersion(),
    audit: (): AuditEntry[] => (existsSync(storeFile()) ? withAudit((audit) => audit.recent(200)) : []),
  });
  const written = saveBundle(collected, { file: file === undefined ? undefined : resolve(file), config, dataDir: dataDir() });
  out(
    `Diagnostic bundle written: ${written.file} (${Math.max(1, Math.round(written.bytes / 1024))} KB${link ? '' : `; the bridge is not running, so health and metrics are missing`})`,
  );
  return { code: 0, detail: written.file };
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

async function setPin(args: string[]): Promise<Outcome> {
  const fromStdin = args.includes('--pin-stdin') || !process.stdin.isTTY;
  const lines = fromStdin ? await readLines(1, []) : await readLines(2, ['New technician PIN (6–12 digits): ', 'Again: ']);
  const [pin, again] = lines;
  if (pin === undefined || !pinSchema.safeParse(pin).success) {
    out('A PIN is 6 to 12 digits. Nothing was changed.');
    return { code: 1, detail: 'not 6–12 digits' };
  }
  if (!fromStdin && pin !== again) {
    out('The two PINs differ. Nothing was changed.');
    return { code: 1, detail: 'the two PINs differ' };
  }
  const secrets = secretsDir();
  const pepper = loadOrCreateKey(secrets, 'technician-pepper', randomBytes);
  writeStoredPin(secrets, await hashPin(pin, pepper));
  const db = openDatabase(storeFile(), storeMigrations);
  try {
    // a new PIN also clears a lockout: the person setting it has root on the kiosk anyway
    db.prepare('DELETE FROM technician_lockout').run();
  } finally {
    db.close();
  }
  out(`Technician PIN set (scrypt, in ${secrets}).`);
  return { code: 0 };
}

function audit(limit: string | undefined): Outcome {
  if (limit !== undefined && !/^\d{1,4}$/.test(limit)) {
    out(`audit: "${limit}" is not a number of entries`);
    return { code: 2, detail: `bad count ${limit}` };
  }
  if (!existsSync(storeFile())) {
    out(`(no kiosk store at ${storeFile()}: nothing recorded yet)`);
    return { code: 0 };
  }
  const entries = withAudit((log) => log.recent(Number(limit ?? 30) || 30));
  if (entries.length === 0) out('(no technician or remote actions recorded)');
  for (const entry of entries.reverse()) {
    out(`${entry.at}  ${entry.actor.padEnd(10)} ${entry.action.padEnd(24)} ${entry.outcome}${entry.detail ? `  ${entry.detail}` : ''}`);
  }
  return { code: 0, detail: `${entries.length} entries shown` };
}

function fleetKey(): Outcome {
  // made on first use, exactly as the bridge would; the operator console signs commands with it
  out(loadOrCreateKey(secretsDir(), 'fleet-command', randomBytes).toString('base64'));
  return { code: 0 };
}

async function cupsSetup(): Promise<Outcome> {
  const printer = loadConfig(process.env).devices['a4-printer'];
  if (printer.driver !== 'cups') {
    out(`The A4 printer is configured as "${printer.driver}", not "cups": nothing to set up.`);
    return { code: 1, detail: `a4-printer driver ${printer.driver}` };
  }
  const report = await setUpCupsQueue({ hostPort: new URL(printer.server).host, queue: printer.queue });
  for (const line of report.lines) out(line);
  return report.ok ? { code: 0 } : { code: 1, detail: 'CUPS queue set-up failed' };
}

const usage = `usage: npm run doctor -- <ports | check-config [file] | test-devices [--with-card] [--with-scan] | health [url] | bundle [file] | set-pin [--pin-stdin] | audit [n] | fleet-key | cups-setup>`;

async function run(command: string | undefined, rest: string[]): Promise<Outcome> {
  switch (command) {
    case 'ports':
      return ports();
    case 'check-config':
      return checkConfig(rest[0]);
    case 'test-devices':
      return testDevices(rest);
    case 'health':
      return health(rest[0]);
    case 'bundle':
      return bundle(rest[0]);
    case 'set-pin':
      return setPin(rest);
    case 'audit':
      return audit(rest[0]);
    case 'fleet-key':
      return fleetKey();
    case 'cups-setup':
      return cupsSetup();
    default:
      out(usage);
      return command === undefined || command === 'help' || command === '--help'
        ? { code: 0 }
        : { code: 2, detail: `unknown command ${command}` };
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let outcome: Outcome;
  try {
    outcome = await run(command, rest);
  } catch (error) {
    // a site file the bridge would refuse: the other commands cannot work either, say so plainly
    if (!(error instanceof ConfigError)) throw error;
    out(`The configuration is not valid, so ${command} cannot run: ${error.message}`);
    outcome = { code: 1, detail: 'invalid configuration' };
  }
  if (command !== undefined && command !== 'help' && command !== '--help') record(command.slice(0, 24), outcome);
  return outcome.code;
}

process.exitCode = await main(process.argv.slice(2));
