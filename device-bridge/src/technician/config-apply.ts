import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deviceIds, type DeviceId } from '../api/index.ts';
import { ConfigError, deepMerge, defaultConfigFile, parseConfig } from '../config/load.ts';
import type { DevicesConfig, KioskConfig } from '../config/schema.ts';
import type { DeviceSet } from '../devices/device.ts';
import type { Clock } from '../time/clock.ts';
import { sleep } from '../time/clock.ts';

type Json = Parameters<typeof deepMerge>[0];

/** Written next to the data before a restart that applies a new site config; checked on the next start. */
interface PendingApply {
  appliedAt: string;
  /** the site file as it was before, restored on rollback */
  previous: string;
  /** devices whose config changed: they must come up, or the change is rolled back */
  devices: DeviceId[];
  /** starts begun on the new file so far (counted before anything else starts, see guardPendingStart) */
  starts?: number;
}

const pendingFile = (dataDir: string) => join(dataDir, 'config-pending.json');
/** why the last change was undone, for the audit log of the next start that comes up */
const rollbackNoteFile = (dataDir: string) => join(dataDir, 'config-rollback.json');

/**
 * A start on a pending change may never reach the 30 s device check: the process may fail, hang
 * (TimeoutStartSec) or be killed. A start on the new file is allowed this many times (the second
 * covers a power cut during the check); the next start goes back to the previous file first.
 */
export const maxStartsOnPendingConfig = 2;

/** Writes a file so that a power cut leaves the old or the new content, never half of one. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'w', 0o640);
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    // a failed write (disk full, rename refused) must not leave a stray temp file next to the config
    rmSync(temporary, { force: true });
    throw error;
  }
  // the rename itself must reach the disk too
  const directory = openSync(dirname(file), 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** The effective config a site override would give, validated with the start-up schema. */
export function validateOverride(override: Json): { config: KioskConfig | null; problems: string[] } {
  const defaults = readJson(defaultConfigFile) as Record<string, Json>;
  delete defaults.$schema;
  try {
    return { config: parseConfig(deepMerge(defaults, override), 'technician screen'), problems: [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      config: null,
      problems: error.message
        .split('\n')
        .slice(1)
        .map((line) => line.replace(/^\s*- /, '')),
    };
  }
}

function changedDevices(before: DevicesConfig, after: DevicesConfig): DeviceId[] {
  return deviceIds.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
}

export type ApplyResult =
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'no-site-file' }
  /** the site file could not be replaced (read-only folder, disk full …); nothing changed, nothing pending */
  | { kind: 'write-failed'; file: string; message: string }
  | { kind: 'written'; file: string; devices: DeviceId[] };

/**
 * Validates the new site override, remembers the current file for a rollback, and replaces the
 * site file atomically. The caller then restarts the bridge; `checkPendingApply` on the next start
 * keeps the change only if the changed devices come up.
 */
export function applySiteConfig(options: {
  siteFile: string | undefined;
  dataDir: string;
  current: KioskConfig;
  override: Json;
  clock: Clock;
}): ApplyResult {
  const { config, problems } = validateOverride(options.override);
  if (config === null) return { kind: 'invalid', problems };
  if (!options.siteFile) return { kind: 'no-site-file' };
  const previous = existsSync(options.siteFile) ? readFileSync(options.siteFile, 'utf8') : '{}\n';
  const pending: PendingApply = {
    appliedAt: options.clock.now().toISOString(),
    previous,
    devices: changedDevices(options.current.devices, config.devices),
  };
  // the record goes first, so a power cut between the two writes still finds the way back
  writeFileAtomically(pendingFile(options.dataDir), JSON.stringify(pending));
  try {
    writeFileAtomically(options.siteFile, JSON.stringify(options.override, null, 2) + '\n');
  } catch (error) {
    // the old file is untouched: a record left behind would "roll back" to it on some later start
    rmSync(pendingFile(options.dataDir), { force: true });
    return { kind: 'write-failed', file: options.siteFile, message: (error as Error).message };
  }
  return { kind: 'written', file: options.siteFile, devices: pending.devices };
}

function readPending(dataDir: string): PendingApply | null {
  const file = pendingFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PendingApply;
  } catch {
    // a torn record cannot roll anything back; it must not block starts either
    rmSync(file, { force: true });
    return null;
  }
}

/**
 * Puts the previous site file back when a change is pending (true), and leaves a note for the
 * audit log. Used when a start on the new file fails before its device check could run.
 */
export function rollBackPendingConfig(options: { dataDir: string; siteFile: string | undefined; reason: string; now: Date }): boolean {
  const pending = readPending(options.dataDir);
  if (pending === null) return false;
  if (options.siteFile) writeFileAtomically(options.siteFile, pending.previous);
  writeFileAtomically(
    rollbackNoteFile(options.dataDir),
    JSON.stringify({ at: options.now.toISOString(), reason: options.reason, devices: pending.devices }),
  );
  rmSync(pendingFile(options.dataDir), { force: true });
  return true;
}

export type StartGuard = { kind: 'none' } | { kind: 'trying'; start: number } | { kind: 'rolled-back'; reason: string };

/**
 * Runs first at every start, before the config is even loaded: counts this start against a pending
 * change, and rolls the change back once it has had its starts without a completed check.
 */
export function guardPendingStart(options: { dataDir: string; siteFile: string | undefined; now: Date; maxStarts?: number }): StartGuard {
  const pending = readPending(options.dataDir);
  if (pending === null) return { kind: 'none' };
  const start = (pending.starts ?? 0) + 1;
  const maxStarts = options.maxStarts ?? maxStartsOnPendingConfig;
  if (start > maxStarts) {
    const reason = `${maxStarts} starts on the new configuration ended before its devices were checked`;
    rollBackPendingConfig({ ...options, reason });
    return { kind: 'rolled-back', reason };
  }
  writeFileAtomically(pendingFile(options.dataDir), JSON.stringify({ ...pending, starts: start }));
  return { kind: 'trying', start };
}

/** The note a start-time rollback left (read once: it is removed). */
export function takeRollbackNote(dataDir: string): { at: string; reason: string; devices: DeviceId[] } | null {
  const file = rollbackNoteFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { at: string; reason: string; devices: DeviceId[] };
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

export type PendingOutcome =
  { kind: 'none' } | { kind: 'kept'; devices: DeviceId[] } | { kind: 'rolled-back'; devices: DeviceId[]; down: DeviceId[] };

/**
 * On start: if a config change is pending, wait up to `timeoutMs` for the devices it changed to
 * leave "disconnected". If they do, the change stays; if not, the previous site file is restored
 * (the caller restarts the bridge onto it).
 */
export async function checkPendingApply(options: {
  dataDir: string;
  siteFile: string | undefined;
  devices: DeviceSet;
  clock: Clock;
  timeoutMs?: number;
}): Promise<PendingOutcome> {
  const file = pendingFile(options.dataDir);
  const pending = readPending(options.dataDir);
  if (pending === null) return { kind: 'none' };
  const down = () => pending.devices.filter((id) => options.devices[id].status().state === 'disconnected');
  const deadline = options.clock.now().getTime() + (options.timeoutMs ?? 30_000);
  while (down().length > 0 && options.clock.now().getTime() < deadline) await sleep(options.clock, 250);
  const stillDown = down();
  if (stillDown.length > 0 && options.siteFile) {
    writeFileAtomically(options.siteFile, pending.previous);
    rmSync(file, { force: true });
    return { kind: 'rolled-back', devices: pending.devices, down: stillDown };
  }
  rmSync(file, { force: true });
  return { kind: 'kept', devices: pending.devices };
}

/** The site override file as it is now ({} when the kiosk runs on defaults). */
export function readSiteOverride(siteFile: string | undefined): Json {
  if (!siteFile || !existsSync(siteFile)) return {};
  return readJson(siteFile);
}
