// The shipped fleet monitoring config, checked by Debian's promtool/amtool, and the whole pipeline run
// for real: simulated printer → bridge /metrics → Prometheus AGENT (scrape) → remote_write → central
// Prometheus (the shipped rules) → Alertmanager. Intervals and `for:` are shortened in a TEST copy
// only; the shipped files keep realistic values.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { amtool, promtool, startAlertmanager, startPrometheus, type RunningServer } from '../support/prometheus.ts';
import { repoRoot } from '../support/repo.ts';
import { waitFor } from '../support/wait.ts';

const monitoringDir = path.join(repoRoot, 'config/monitoring');

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
});

describe('paper out on a kiosk reaches Alertmanager through agent → remote_write → central', () => {
  let dir: string;
  let bridge: RunningBridge;
  let alertmanager: RunningServer;
  let central: RunningServer;
  let agent: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-monitoring-'));
    bridge = await startBridge({ config: { kiosk: { id: 'TB-TEST-0042' } } });

    await writeFile(
      path.join(dir, 'alertmanager.yml'),
      JSON.stringify({
        route: { receiver: 'nobody', group_by: ['alertname', 'site'], group_wait: '1s', group_interval: '1s' },
        receivers: [{ name: 'nobody' }],
      }),
    );
    alertmanager = await startAlertmanager(path.join(dir, 'alertmanager.yml'));

    // the shipped rules with every `for:` shortened to 2 s
    const rules = await readFile(path.join(monitoringDir, 'rules/kiosk-alerts.yml'), 'utf8');
    await writeFile(path.join(dir, 'rules.yml'), rules.replace(/for: \d+[smh]/g, 'for: 2s'));
    await writeFile(
      path.join(dir, 'central.yml'),
      JSON.stringify({
        global: { evaluation_interval: '1s' },
        storage: { tsdb: { out_of_order_time_window: '6h' } },
        rule_files: [path.join(dir, 'rules.yml')],
        alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${alertmanager.port}`] }] }] },
      }),
    );
    central = await startPrometheus({ name: 'central', configFile: path.join(dir, 'central.yml'), remoteWriteReceiver: true });

    await writeFile(
      path.join(dir, 'agent.yml'),
      JSON.stringify({
        global: { scrape_interval: '1s', scrape_timeout: '1s', external_labels: { kiosk: 'TB-TEST-0042', site: 'test-village' } },
        scrape_configs: [{ job_name: 'kiosk-bridge', static_configs: [{ targets: [`127.0.0.1:${bridge.port}`] }] }],
        remote_write: [{ url: `${central.url}/api/v1/write`, queue_config: { batch_send_deadline: '1s', min_backoff: '100ms' } }],
      }),
    );
    agent = await startPrometheus({ name: 'agent', configFile: path.join(dir, 'agent.yml'), agent: true });
  });

  afterAll(async () => {
    await agent?.stop();
    await central?.stop();
    await alertmanager?.stop();
    await bridge?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const query = async (expr: string) => {
    const response = await rawRequest(`${central.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    return response.json() as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  };

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
    const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
    expect(expressions.length).toBeGreaterThan(10);
    for (const { panel, expr } of expressions) {
      const answer = await query(expr.replaceAll('$site', '.*').replaceAll('$kiosk', 'TB-TEST-0042'));
      expect(answer.status, `${panel}: ${expr}`).toBe('success');
    }
  });
});
