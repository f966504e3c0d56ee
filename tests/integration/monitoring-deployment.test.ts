// The shipped deployment files, checked with the tools a kiosk installer has: systemd-analyze
// verify for the units, and the Chromium policy and udev rules as data.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
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
      const { stdout, stderr } = await run('systemd-analyze', ['verify', path.join(configDir, 'systemd', unit)], {
        cwd: path.join(configDir, 'systemd'),
      });
      // unknown users/groups are fine on a build box (they are created at install); anything else is not
      const problems = `${stdout}${stderr}`
        .split('\n')
        .filter((line) => line.trim() !== '' && !/Failed to resolve (user|group)/.test(line));
      expect(problems, unit).toEqual([]);
    }
  });

  it('supervise the bridge the way the field needs: notify + watchdog, restart always, bounded, with a give-up handler', async () => {
    const unit = await readFile(path.join(configDir, 'systemd/tongban-bridge.service'), 'utf8');
    for (const line of [
      'Type=notify',
      'NotifyAccess=all',
      'WatchdogSec=30s',
      'Restart=always',
      'StartLimitBurst=5',
      'OnFailure=tongban-bridge-failed.service',
    ]) {
      expect(unit).toContain(line);
    }
    const ui = await readFile(path.join(configDir, 'systemd/tongban-ui.service'), 'utf8');
    expect(ui).toMatch(/ExecStart=\/usr\/bin\/cage .*-- \/usr\/bin\/chromium --kiosk/);
    expect(ui).toContain('Restart=always');
  });
});

/** the unit's settings as key → values (a key may repeat, e.g. Environment=) */
function unitSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match) settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
  }
  return settings;
}

describe('the bridge unit lets technician actions work under its sandbox', () => {
  it('can write the site file’s folder (atomic config apply) and its data dir under ProtectSystem=strict', async () => {
    const settings = unitSettings(await readFile(path.join(configDir, 'systemd/tongban-bridge.service'), 'utf8'));
    expect(settings.get('ProtectSystem')).toEqual(['strict']);
    const environment = Object.fromEntries((settings.get('Environment') ?? []).map((entry) => entry.split('=', 2) as [string, string]));
    const writable = (settings.get('ReadWritePaths') ?? []).flatMap((entry) => entry.split(/\s+/)).map((entry) => entry.replace(/^-/, ''));
    const isWritable = (target: string) => writable.some((root) => target === root || target.startsWith(`${root}/`));
    // the temp file is created beside the site file and renamed over it: its folder must be writable
    expect(environment.KIOSK_CONFIG).toBeDefined();
    expect(isWritable(path.dirname(environment.KIOSK_CONFIG!)), `${path.dirname(environment.KIOSK_CONFIG!)} in ${writable.join(' ')}`).toBe(
      true,
    );
    expect(isWritable(environment.KIOSK_DATA_DIR!)).toBe(true);
    // and nothing else under /etc: the folder holds the site file only, not the remote-write secrets
    expect(writable.filter((root) => root.startsWith('/etc/'))).toEqual([path.dirname(environment.KIOSK_CONFIG!)]);
  });

  it('ships a polkit rule that lets the bridge user restart the screen unit, and nothing more', async () => {
    const bridge = unitSettings(await readFile(path.join(configDir, 'systemd/tongban-bridge.service'), 'utf8'));
    const defaults = JSON.parse(await readFile(path.join(configDir, 'default.json'), 'utf8')) as { fleet: { restartUiCommand: string[] } };
    const [program, verb, unit] = defaults.fleet.restartUiCommand;
    expect(program).toBe('systemctl');
    expect(existsSync(path.join(configDir, 'systemd', unit!))).toBe(true);
    expect(bridge.get('NoNewPrivileges')).toEqual(['yes']);

    // the rule file run the way polkitd runs it: a script calling polkit.addRule(fn)
    const rules: Array<(action: unknown, subject: unknown) => string> = [];
    const polkit = {
      Result: { YES: 'yes', NO: 'no', NOT_HANDLED: 'not-handled' },
      addRule: (rule: (typeof rules)[number]) => rules.push(rule),
    };
    new Function('polkit', await readFile(path.join(configDir, 'polkit/50-tongban.rules'), 'utf8'))(polkit);
    expect(rules).toHaveLength(1);
    const decide = (user: string, details: Record<string, string>, id = 'org.freedesktop.systemd1.manage-units') =>
      rules[0]!({ id, lookup: (key: string) => details[key] }, { user });
    const user = bridge.get('User')![0]!;
    expect(decide(user, { unit: unit!, verb: verb! })).toBe('yes');
    expect(decide(user, { unit: 'tongban-bridge.service', verb: 'restart' })).toBe('not-handled');
    expect(decide(user, { unit: unit!, verb: 'stop' })).toBe('not-handled');
    expect(decide('nobody', { unit: unit!, verb: verb! })).toBe('not-handled');
    expect(decide(user, { unit: unit!, verb: verb! }, 'org.freedesktop.systemd1.manage-unit-files')).toBe('not-handled');
  });
});

describe('Chromium managed policy', () => {
  it('opens only the kiosk origin and turns off devtools, downloads, file pickers and browser printing', async () => {
    const policy = JSON.parse(await readFile(path.join(configDir, 'chromium/policies/managed/tongban-kiosk.json'), 'utf8')) as Record<
      string,
      unknown
    >;
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
    const known = /^(ACTION|SUBSYSTEM|KERNEL|ATTRS\{[a-zA-Z]+\}|ATTR\{[a-zA-Z]+\}|ENV\{[A-Z_]+\}|GROUP|MODE|SYMLINK|RUN\{program\})$/;
    for (const rule of rules) {
      // clauses are separated by commas after a closing quote (a value may hold commas: mount options)
      for (const clause of rule.split(/(?<="),\s*/)) {
        const match = /^([A-Z]+(?:\{[A-Za-z_]+\})?)(==|\+=|=)"[^"]*"$/.exec(clause.trim());
        expect(match, `${clause} in: ${rule}`).not.toBeNull();
        expect(match![1], rule).toMatch(known);
      }
    }
    expect(
      rules
        .filter((rule) => rule.includes('SUBSYSTEM=="tty"') && rule.includes('GROUP="dialout"'))
        .every((rule) => rule.includes('ID_MM_DEVICE_IGNORE')),
    ).toBe(true);
    // the USB stick for diagnostic exports is mounted where the config and the bridge unit expect it
    const defaults = JSON.parse(await readFile(path.join(configDir, 'default.json'), 'utf8')) as { technician: { usbExportDir: string } };
    const mount = rules.find((rule) => rule.includes('systemd-mount'));
    expect(mount).toContain(` ${defaults.technician.usbExportDir}"`);
    expect(mount).toContain('uid=tongban');
    const unit = await readFile(path.join(configDir, 'systemd/tongban-bridge.service'), 'utf8');
    expect(unit).toContain(`ReadWritePaths=-${defaults.technician.usbExportDir}`);
  });
});
