// A real bridge's /metrics, linted by Debian's promtool, moved by the simulator and by real requests.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { promtool } from '../support/prometheus.ts';
import { waitFor } from '../support/wait.ts';

// prom-client's own default gauges trip promtool's "_total" rule; ours must not.
const promClientOwnNames = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('bridge /metrics', () => {
  let bridge: RunningBridge;
  const metrics = async () => (await rawRequest(`${bridge.url}/metrics`)).text;

  beforeAll(async () => {
    bridge = await startBridge();
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('is clean under promtool check metrics (apart from prom-client’s own three gauges)', async () => {
    const response = await rawRequest(`${bridge.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const result = await promtool(['check', 'metrics'], response.text);
    const problems = result.output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .filter((line) => !promClientOwnNames.some((name) => line.startsWith(name)));
    expect(problems).toEqual([]);
  });

  it('shows paper-out from the simulated printer and an unplugged device', async () => {
    await rawRequest(`${bridge.url}/api/sim/a4-printer/state`, { method: 'POST', body: { state: 'paper-out' } });
    await rawRequest(`${bridge.url}/api/sim/devices/scanner/disconnect`, { method: 'POST' });
    const text = await waitFor('paper-out in /metrics', async () => {
      const current = await metrics();
      return sample(current, 'kiosk_printer_paper_ok{printer="a4-printer"}') === 0 ? { value: current } : {};
    });
    expect(sample(text, 'kiosk_device_up{device="scanner"}')).toBe(0);
    await rawRequest(`${bridge.url}/api/sim/a4-printer/state`, { method: 'POST', body: { state: 'ready' } });
    await rawRequest(`${bridge.url}/api/sim/devices/scanner/connect`, { method: 'POST' });
  });

  it('counts error answers by their stable code and takes the UI heartbeat', async () => {
    const before = sample(await metrics(), 'kiosk_errors_total{code="no-session"}') ?? 0;
    const answer = await rawRequest(`${bridge.url}/api/session`);
    expect(answer.status).toBe(404);
    expect(sample(await metrics(), 'kiosk_errors_total{code="no-session"}')).toBe(before + 1);

    const heartbeat = await rawRequest(`${bridge.url}/api/ui-heartbeat`, { method: 'POST' });
    expect(heartbeat.status).toBe(204);
    const seen = sample(await metrics(), 'kiosk_ui_last_heartbeat_timestamp_seconds') ?? 0;
    expect(Math.abs(seen - Date.now() / 1000)).toBeLessThan(600);
  });

  it('counts bridge restarts across processes on the same data directory', async () => {
    const dataDir = `${bridge.dataDir}-restarts`;
    const first = await startBridge({ dataDir });
    await first.stop();
    const second = await startBridge({ dataDir });
    try {
      expect(sample((await rawRequest(`${second.url}/metrics`)).text, 'kiosk_bridge_restarts_total')).toBe(1);
    } finally {
      await second.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
