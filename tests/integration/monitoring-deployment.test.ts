// The shipped deployment files, checked with the tools a kiosk installer has: systemd-analyze
// verify for the units, and the Chromium policy and udev rules as data.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';

const run = promisify(execFile);
const configDir = path.join(repoRoot, 'config');

describe('systemd units', () => {
  it('pass systemd-analyze verify', async () => {
    const units = (await readdir(path.join(configDir, 'systemd'))).filter((file) => /\.(service|timer)$/.test(file));
    expect(units).toEqual(expect.arrayContaining(['tongban-bridge.service', 'tongban-ui.service']));
    for (const unit of units) {
      const { stdout, stderr } = await run('systemd-analyze', ['verify', path.join(configDir, 'systemd', unit)], { cwd: path.join(configDir, 'systemd') });
      // unknown users/groups are fine on a build box (they are created at install); anything else is not
      const problems = `${stdout}${stderr}`.split('\n').filter((line) => line.trim() !== '' && !/Failed to resolve (user|group)/.test(line));
      expect(problems, unit).toEqual([]);
    }
  });

  it('supervise the bridge the way the field needs: notify + watchdog, restart always, bounded, with a give-up handler', async () => {
    const unit = await readFile(path.join(configDir, 'systemd/tongban-bridge.service'), 'utf8');
    for (const line of ['Type=notify', 'NotifyAccess=all', 'WatchdogSec=30s', 'Restart=always', 'StartLimitBurst=5', 'OnFailure=tongban-bridge-failed.service']) {
      expect(unit).toContain(line);
    }
    const ui = await readFile(path.join(configDir, 'systemd/tongban-ui.service'), 'utf8');
    expect(ui).toMatch(/ExecStart=\/usr\/bin\/cage .*-- \/usr\/bin\/chromium --kiosk/);
    expect(ui).toContain('Restart=always');
  });
});

describe('Chromium managed policy', () => {
  it('opens only the kiosk origin and turns off devtools, downloads, file pickers and browser printing', async () => {
    const policy = JSON.parse(await readFile(path.join(configDir, 'chromium/policies/managed/tongban-kiosk.json'), 'utf8')) as Record<string, unknown>;
    expect(policy).toMatchObject({
      URLBlocklist: ['*'],
      URLAllowlist: ['http://127.0.0.1:8080', 'about:blank'],
      DeveloperToolsAvailability: 2,
      RemoteDebuggingAllowed: false,
      DownloadRestrictions: 3,
      AllowFileSelectionDialogs: false,
      PrintingEnabled: false,
      VideoCaptureAllowedUrls: ['http://127.0.0.1:8080'],
    });
    const defaults = JSON.parse(await readFile(path.join(configDir, 'default.json'), 'utf8')) as { server: { port: number } };
    expect(policy.URLAllowlist).toContain(`http://127.0.0.1:${defaults.server.port}`);
  });
});

describe('udev rules', () => {
  it('use only known match/assign keys and keep ModemManager off the serial adapters', async () => {
    const text = await readFile(path.join(configDir, 'udev/99-tongban.rules'), 'utf8');
    const rules = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(rules.length).toBeGreaterThan(5);
    const known = /^(SUBSYSTEM|KERNEL|ATTRS\{[a-zA-Z]+\}|ATTR\{[a-zA-Z]+\}|ENV\{[A-Z_]+\}|GROUP|MODE|SYMLINK)$/;
    for (const rule of rules) {
      for (const clause of rule.split(/,\s*/)) {
        const match = /^([A-Z]+(?:\{[A-Za-z_]+\})?)(==|\+=|=)"[^"]*"$/.exec(clause.trim());
        expect(match, `${clause} in: ${rule}`).not.toBeNull();
        expect(match![1], rule).toMatch(known);
      }
    }
    expect(rules.filter((rule) => rule.includes('SUBSYSTEM=="tty"') && rule.includes('GROUP="dialout"')).every((rule) => rule.includes('ID_MM_DEVICE_IGNORE'))).toBe(true);
  });
});
