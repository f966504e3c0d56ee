// /metrics on a real bridge: render time and size per scrape, series per kiosk, and what that means
// for a 10 000-kiosk fleet at a 15 s scrape interval. Compared with GET /api/health, the JSON a
// home-made poller would fetch instead.
import { startBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { median, round, type BenchResult } from './stats.ts';

async function timed(url: string, samples: number): Promise<{ ms: number[]; bytes: number; text: string }> {
  const ms: number[] = [];
  let text = '';
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    const response = await rawRequest(url);
    ms.push(performance.now() - started);
    text = response.text;
  }
  return { ms, bytes: Buffer.byteLength(text), text };
}

export async function benchMetrics(samples = 200): Promise<BenchResult[]> {
  const bridge = await startBridge();
  try {
    // warm up both routes (JIT, first prom-client collect)
    await timed(`${bridge.url}/metrics`, 20);
    await timed(`${bridge.url}/api/health`, 20);
    const metrics = await timed(`${bridge.url}/metrics`, samples);
    const health = await timed(`${bridge.url}/api/health`, samples);
    const series = metrics.text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const kioskSeries = series.filter((line) => line.startsWith('kiosk_')).length;
    const fleet = 10_000;
    const interval = 15;
    // the agent also sends up, scrape_duration_seconds and 3 more per-target series
    const perKiosk = series.length + 5;
    return [
      {
        name: 'metrics-scrape-time',
        value: round(median(metrics.ms)),
        unit: 'ms',
        samples,
        min: round(Math.min(...metrics.ms)),
        max: round(Math.max(...metrics.ms)),
        note: `GET /metrics over loopback HTTP, median; GET /api/health median ${round(median(health.ms))} ms (ratio ${round(median(metrics.ms) / median(health.ms))})`,
      },
      { name: 'metrics-scrape-size', value: metrics.bytes, unit: 'bytes', note: `GET /api/health is ${health.bytes} bytes` },
      {
        name: 'metrics-series-per-kiosk',
        value: perKiosk,
        unit: 'series',
        note: `${kioskSeries} kiosk_* + ${series.length - kioskSeries} process/nodejs + 5 the agent adds per target`,
      },
      {
        name: 'metrics-fleet-samples-per-second',
        value: Math.round((perKiosk * fleet) / interval),
        unit: 'samples/s',
        note: `${fleet} kiosks × ${perKiosk} series / ${interval} s scrape interval, arriving by remote_write at the central store`,
      },
      {
        name: 'metrics-fleet-active-series',
        value: perKiosk * fleet,
        unit: 'series',
        note: `${fleet} kiosks; a single Prometheus handles a few million active series with enough RAM, VictoriaMetrics/Mimir beyond`,
      },
    ];
  } finally {
    await bridge.stop();
  }
}
