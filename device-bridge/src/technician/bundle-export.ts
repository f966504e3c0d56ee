import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomically } from './config-apply.ts';

export type ExportPlace = 'usb' | 'kiosk';

/** A folder that is the root of a mounted filesystem (a USB stick), not a plain folder on the kiosk's disk. */
export function isMountPoint(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && statSync(dir).dev !== statSync(resolve(dir, '..')).dev;
  } catch {
    return false;
  }
}

function writable(dir: string): boolean {
  try {
    // EROFS for a stick mounted read-only (or a broken FAT the kernel remounted ro)
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where an export goes: the USB stick when one is mounted at `usbDir` and writable, otherwise
 * `<data>/exports` on the kiosk (the technician copies it off with the doctor over SSH).
 */
export function exportTarget(options: { usbDir: string; dataDir: string; mounted?: (dir: string) => boolean }): {
  dir: string;
  where: ExportPlace;
} {
  const mounted = options.mounted ?? isMountPoint;
  if (existsSync(options.usbDir) && mounted(options.usbDir) && writable(options.usbDir)) return { dir: options.usbDir, where: 'usb' };
  return { dir: join(options.dataDir, 'exports'), where: 'kiosk' };
}

export function bundleFileName(kioskId: string, generatedAt: string): string {
  return `tongban-diagnostics-${kioskId}-${generatedAt.replace(/[:.]/g, '-')}.json`;
}

/** Writes the bundle whole or not at all (a stick pulled mid-write leaves no half file under the name). */
export function writeBundleFile(file: string, bundle: unknown): { file: string; bytes: number } {
  mkdirSync(dirname(file), { recursive: true, mode: 0o750 });
  const text = JSON.stringify(bundle, null, 2) + '\n';
  writeFileAtomically(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}
