// The shipped fleet monitoring config, checked by Debian's promtool/amtool, and the shipped files
// run for real: simulated printer → bridge /metrics → Prometheus AGENT (prometheus-agent.yml:
// scrape, remote_write over TLS with basic auth) → central Prometheus (prometheus-central.yml behind
// web-config.yml's TLS + basic auth, scraping itself through them, with the shipped rules) →
// Alertmanager (alertmanager.yml: routes, receivers, inhibitions) → a local webhook receiver.
// The copies differ from the shipped files only in what a test must change: addresses, file paths,
// passwords, and shorter intervals / `for:`; every change is checked to have matched, so a shipped
// file that drifts fails here instead of silently testing something else.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort, startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { amtool, promtool, startAlertmanager, startPrometheus, type RunningServer } from '../support/prometheus.ts';
import { repoRoot } from '../support/repo.ts';
import { adaptedShippedFile } from '../support/shipped-config.ts';
import { bcryptHash, httpsRequest, makeTestCertificate, type TestCertificate } from '../support/tls.ts';
import { waitFor } from '../support/wait.ts';

const monitoringDir = path.join(repoRoot, 'config/monitoring');

/** A shipped file of config/monitoring/ with the test's changes (each must match). */
const adapted = (file: string, changes: Array<[string | RegExp, string]>) =>
  adaptedShippedFile(path.join('config/monitoring', file), changes);

describe('shipped monitoring config', () => {
  it('alert rules pass their promtool unit tests', async () => {
    const result = await promtool(['test', 'rules', path.join(monitoringDir, 'rules/kiosk-alerts.test.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('agent and central Prometheus configs and the Alertmanager config are valid', async () => {
    for (const file of ['prometheus-agent.yml', 'prometheus-central.yml']) {
      const result = await promtool(['check', 'config', path.join(monitoringDir, file)]);
      expect(result.code, result.output).toBe(0);
    }
    const alertmanager = await amtool(['check-config', path.join(monitoringDir, 'alertmanager.yml')]);
    expect(alertmanager.code, alertmanager.output).toBe(0);
  });

  it('the web config passes promtool check web-config (with certificate files where it names them)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-web-config-'));
    try {
      const certificate = await makeTestCertificate(dir, ['metrics.example.gov.cn']);
      // only the certificate paths change: the shipped users and bcrypt hashes are checked as they are
      const file = path.join(dir, 'web-config.yml');
      await writeFile(
        file,
        adapted('web-config.yml', [
          ['/etc/prometheus/tls/server.crt', certificate.certFile],
          ['/etc/prometheus/tls/server.key', certificate.keyFile],
        ]),
      );
      const result = await promtool(['check', 'web-config', file]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('SUCCESS');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Notifications Alertmanager sends to the shipped receivers, by receiver path. */
interface Notification {
  path: string;
  alerts: Array<{ labels: Record<string, string>; status: string }>;
}

describe('the shipped files run for real: bridge → agent → central (TLS, basic auth) → Alertmanager', () => {
  let dir: string;
  let certificate: TestCertificate;
  let bridge: RunningBridge;
  let alertmanager: RunningServer;
  let central: RunningServer;
  let agent: RunningServer;
  let receiver: http.Server;
  const notifications: Notification[] = [];
  const selfPassword = 'central-self-test-password';
  const kioskPassword = 'kiosk-test-password';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-monitoring-'));
    certificate = await makeTestCertificate(dir, ['metrics.example.gov.cn']);
    bridge = await startBridge({ config: { kiosk: { id: 'TB-TEST-0042' } } });

    // the operators' webhook endpoints, on loopback
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        notifications.push({ path: request.url ?? '', ...(JSON.parse(body) as { alerts: Notification['alerts'] }) });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hooks = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;

    await writeFile(
      path.join(dir, 'alertmanager.yml'),
      adapted('alertmanager.yml', [
        ['https://ops.example.gov.cn/hooks', hooks],
        ['group_wait: 30s', 'group_wait: 1s'],
        ['group_interval: 5m', 'group_interval: 1s'],
      ]),
    );
    alertmanager = await startAlertmanager(path.join(dir, 'alertmanager.yml'));

    // the shipped rules with every `for:` shortened to 2 s
    const rules = await readFile(path.join(monitoringDir, 'rules/kiosk-alerts.yml'), 'utf8');
    await writeFile(path.join(dir, 'rules.yml'), rules.replace(/for: \d+[smh]/g, 'for: 2s'));
    await writeFile(path.join(dir, 'central-self.password'), `${selfPassword}\n`);
    await writeFile(
      path.join(dir, 'web-config.yml'),
      adapted('web-config.yml', [
        ['/etc/prometheus/tls/server.crt', certificate.certFile],
        ['/etc/prometheus/tls/server.key', certificate.keyFile],
        [/central-self: \S+/, `central-self: ${await bcryptHash(selfPassword)}`],
        ['basic_auth_users:\n', `basic_auth_users:\n  TB-TEST-0042: ${await bcryptHash(kioskPassword)}\n`],
      ]),
    );
    const centralPort = await freeLoopbackPort();
    await writeFile(
      path.join(dir, 'central.yml'),
      adapted('prometheus-central.yml', [
        ['evaluation_interval: 30s', 'evaluation_interval: 1s\n  scrape_interval: 1s'],
        ['- rules/kiosk-alerts.yml', `- ${path.join(dir, 'rules.yml')}`],
        ["targets: ['127.0.0.1:9093']", `targets: ['127.0.0.1:${alertmanager.port}']`],
        ["targets: ['127.0.0.1:9090']", `targets: ['127.0.0.1:${centralPort}']`],
        ['/etc/prometheus/secrets/central-self.password', path.join(dir, 'central-self.password')],
        ['/etc/prometheus/tls/ca.pem', certificate.certFile],
      ]),
    );
    central = await startPrometheus({
      name: 'central',
      configFile: path.join(dir, 'central.yml'),
      remoteWriteReceiver: true,
      webConfigFile: path.join(dir, 'web-config.yml'),
      port: centralPort,
      probe: async (url) => (await httpsRequest(url, { ca: certificate.pem, user: 'central-self', password: selfPassword })).status,
    });

    await writeFile(path.join(dir, 'remote-write.password'), `${kioskPassword}\n`);
    await writeFile(
      path.join(dir, 'agent.yml'),
      adapted('prometheus-agent.yml', [
        ['scrape_interval: 15s', 'scrape_interval: 1s'],
        ['scrape_timeout: 5s', 'scrape_timeout: 1s'],
        ['kiosk: TB-DEV-0001', 'kiosk: TB-TEST-0042'],
        ['site: demo-hall', 'site: test-village'],
        ["targets: ['127.0.0.1:8080']", `targets: ['127.0.0.1:${bridge.port}']`],
        ['https://metrics.example.gov.cn/api/v1/write', `https://127.0.0.1:${centralPort}/api/v1/write`],
        ['username: TB-DEV-0001', 'username: TB-TEST-0042'],
        ['/etc/tongban/secrets/remote-write.password', path.join(dir, 'remote-write.password')],
        ['/etc/tongban/secrets/metrics-ca.pem', certificate.certFile],
        ['batch_send_deadline: 15s', 'batch_send_deadline: 1s'],
        ['min_backoff: 1s', 'min_backoff: 100ms'],
      ]),
    );
    agent = await startPrometheus({ name: 'agent', configFile: path.join(dir, 'agent.yml'), agent: true });
  });

  afterAll(async () => {
    await agent?.stop();
    await central?.stop();
    await alertmanager?.stop();
    await bridge?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const query = async (expr: string) => {
    const response = await httpsRequest(`${central.url}/api/v1/query?query=${encodeURIComponent(expr)}`, {
      ca: certificate.pem,
      user: 'central-self',
      password: selfPassword,
    });
    return response.json() as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  };

  it('the central server scrapes itself through its own TLS and basic auth', async () => {
    const self = await waitFor(
      'the self-scrape',
      async () => {
        const answer = await query('up{job="central-prometheus"}');
        return answer.data.result.length > 0 ? { value: answer.data.result[0]! } : { note: JSON.stringify(answer) };
      },
      30_000,
      250,
    );
    expect(self.value[1]).toBe('1');
  });

  it('refuses remote_write without the kiosk’s credentials', async () => {
    const anonymous = await httpsRequest(`${central.url}/api/v1/write`, { ca: certificate.pem, method: 'POST', body: Buffer.alloc(0) });
    expect(anonymous.status).toBe(401);
    const wrong = await httpsRequest(`${central.url}/api/v1/write`, {
      ca: certificate.pem,
      method: 'POST',
      body: Buffer.alloc(0),
      user: 'TB-TEST-0042',
      password: 'guess',
    });
    expect(wrong.status).toBe(401);
  });

  it('the central server sees the kiosk under its external labels', async () => {
    const result = await waitFor(
      'the kiosk up sample at the central Prometheus',
      async () => {
        const answer = await query('up{job="kiosk-bridge"}');
        return answer.data.result.length > 0 ? { value: answer.data.result[0]! } : { note: JSON.stringify(answer) };
      },
      30_000,
      250,
    );
    expect(result.metric).toMatchObject({ kiosk: 'TB-TEST-0042', site: 'test-village' });
    expect(result.value[1]).toBe('1');
  });

  it('fires KioskPrinterPaperOut in Alertmanager with kiosk, site and printer', async () => {
    const set = await rawRequest(`${bridge.url}/api/sim/a4-printer/state`, { method: 'POST', body: { state: 'paper-out' } });
    expect(set.status).toBe(204);
    const alert = await waitFor(
      'the paper-out alert in Alertmanager',
      async () => {
        const response = await rawRequest(`${alertmanager.url}/api/v2/alerts`);
        const alerts = response.json() as Array<{ labels: Record<string, string>; status: { state: string } }>;
        const found = alerts.find((candidate) => candidate.labels.alertname === 'KioskPrinterPaperOut');
        return found ? { value: found } : { note: `alerts: ${alerts.map((a) => a.labels.alertname).join(', ') || 'none'}` };
      },
      60_000,
      500,
    );
    expect(alert.labels).toMatchObject({ kiosk: 'TB-TEST-0042', site: 'test-village', printer: 'a4-printer' });
    expect(alert.status.state).toBe('active');
  });

  it('every query of the Grafana dashboard is valid PromQL on the central server', async () => {
    const dashboard = JSON.parse(await readFile(path.join(monitoringDir, 'grafana/kiosk-fleet.json'), 'utf8')) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const expressions = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
    );
    expect(expressions.length).toBeGreaterThan(10);
    for (const { panel, expr } of expressions) {
      const answer = await query(expr.replaceAll('$site', '.*').replaceAll('$kiosk', 'TB-TEST-0042'));
      expect(answer.status, `${panel}: ${expr}`).toBe('success');
    }
  });

  it('a site outage inhibits the per-kiosk alerts of that site only, and the bridge being down its paper alert', async () => {
    const post = (alerts: Array<Record<string, string>>) =>
      rawRequest(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        body: alerts.map((labels) => ({ labels, startsAt: new Date().toISOString() })),
      });
    expect(
      (
        await post([
          { alertname: 'KioskSiteOutage', site: 'village-7', severity: 'page' },
          { alertname: 'KioskNotReporting', site: 'village-7', kiosk: 'TB-7001', severity: 'ticket' },
          { alertname: 'KioskNotReporting', site: 'village-8', kiosk: 'TB-8001', severity: 'ticket' },
          { alertname: 'KioskBridgeDown', site: 'village-9', kiosk: 'TB-9001', severity: 'page' },
          { alertname: 'KioskPrinterPaperOut', site: 'village-9', kiosk: 'TB-9001', printer: 'a4-printer', severity: 'ticket' },
        ])
      ).status,
    ).toBe(200);
    type Alert = { labels: Record<string, string>; status: { state: string; inhibitedBy: string[] } };
    const stateOf = (alerts: Alert[], alertname: string, site: string) =>
      alerts.find((alert) => alert.labels.alertname === alertname && alert.labels.site === site)?.status;
    const alerts = await waitFor(
      'the inhibitions to apply',
      async () => {
        const all = (await rawRequest(`${alertmanager.url}/api/v2/alerts`)).json() as Alert[];
        return stateOf(all, 'KioskNotReporting', 'village-7')?.state === 'suppressed'
          ? { value: all }
          : { note: JSON.stringify(all.map((alert) => [alert.labels.alertname, alert.labels.site, alert.status.state])) };
      },
      15_000,
      200,
    );
    expect(stateOf(alerts, 'KioskNotReporting', 'village-7')?.inhibitedBy).toHaveLength(1);
    expect(stateOf(alerts, 'KioskNotReporting', 'village-8')?.state).toBe('active');
    expect(stateOf(alerts, 'KioskSiteOutage', 'village-7')?.state).toBe('active');
    expect(stateOf(alerts, 'KioskPrinterPaperOut', 'village-9')?.state).toBe('suppressed');

    // the receivers hear the outage (paged) and the other site's kiosk, never the inhibited ones
    await waitFor(
      'the notifications',
      async () => {
        const names = notifications.flatMap((notification) =>
          notification.alerts.map((alert) => `${alert.labels.alertname}@${alert.labels.site}`),
        );
        return names.includes('KioskSiteOutage@village-7') && names.includes('KioskNotReporting@village-8')
          ? { value: true }
          : { note: names.join(', ') };
      },
      20_000,
      250,
    );
    const received = notifications.flatMap((notification) =>
      notification.alerts.map((alert) => ({ path: notification.path, name: `${alert.labels.alertname}@${alert.labels.site}` })),
    );
    expect(received).toContainEqual({ path: '/hooks/kiosk-pages', name: 'KioskSiteOutage@village-7' });
    expect(received).toContainEqual({ path: '/hooks/kiosk-alerts', name: 'KioskNotReporting@village-8' });
    expect(received.map((entry) => entry.name)).not.toContain('KioskNotReporting@village-7');
    expect(received.map((entry) => entry.name)).not.toContain('KioskPrinterPaperOut@village-9');
  });
});
