import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleFileName, exportTarget, isMountPoint, writeBundleFile } from './bundle-export.ts';

describe('diagnostic bundle export', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-export-'));
    dirs.push(dir);
    return dir;
  };

  it('goes to the kiosk’s exports folder when no stick is mounted (missing folder, or a plain folder)', () => {
    const dataDir = temp();
    expect(exportTarget({ usbDir: join(dataDir, 'no-such-mount'), dataDir })).toEqual({ dir: join(dataDir, 'exports'), where: 'kiosk' });
    const plain = join(dataDir, 'plain');
    mkdirSync(plain);
    // an empty mount point folder is just a folder on the kiosk's disk: writing there would hide the file
    expect(isMountPoint(plain)).toBe(false);
    expect(exportTarget({ usbDir: plain, dataDir }).where).toBe('kiosk');
  });

  it('goes to the stick when the folder is a mounted filesystem', () => {
    const dataDir = temp();
    const stick = join(dataDir, 'stick');
    mkdirSync(stick);
    expect(exportTarget({ usbDir: stick, dataDir, mounted: (dir) => dir === stick })).toEqual({ dir: stick, where: 'usb' });
    // a real mount point on this machine is recognised as one
    expect(isMountPoint('/proc')).toBe(true);
  });

  it('writes the whole bundle under a name with kiosk and time, creating the folder', () => {
    const dir = join(temp(), 'exports');
    const name = bundleFileName('TB-0001', '2025-03-01T09:00:00.000Z');
    expect(name).toBe('tongban-diagnostics-TB-0001-2025-03-01T09-00-00-000Z.json');
    const written = writeBundleFile(join(dir, name), { kind: 'tongban-diagnostic-bundle' });
    expect(JSON.parse(readFileSync(written.file, 'utf8'))).toEqual({ kind: 'tongban-diagnostic-bundle' });
    expect(written.bytes).toBeGreaterThan(10);
    expect(readdirSync(dir)).toEqual([name]);
    expect(existsSync(join(dir, name))).toBe(true);
  });
});
