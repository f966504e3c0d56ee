// `npm run bench`: one JSON object per line on stdout (name, value, unit + context), progress on
// stderr. Runs each part in turn so they do not compete for the 2 cores of a kiosk-class machine.
import { benchBridgeStartup } from './bridge-startup.ts';
import { benchCardToGreeting } from './card-to-greeting.ts';
import { benchCamera } from './camera.ts';
import { benchCertificateRender } from './certificate-render.ts';
import { benchCertificateTypes } from './certificate-types.ts';
import { benchPrintPipeline } from './print-pipeline.ts';
import { benchFace } from './face.ts';
import { benchFaceInBrowser } from './face-browser.ts';
import { benchIdReader } from './id-reader.ts';
import { benchJourneyTaps } from './journey-taps.ts';
import { benchMetrics } from './metrics.ts';
import { benchPlatform } from './platform.ts';
import { machineDescription, type BenchResult } from './stats.ts';
import { benchUiBundle } from './ui-bundle.ts';
import { benchUiTransitions } from './ui-transitions.ts';

const parts: Array<{ title: string; run: () => Promise<readonly BenchResult[]> }> = [
  { title: 'UI initial bundle size', run: benchUiBundle },
  { title: 'bridge first boot, restarts and memory (1 + 5 spawns)', run: () => benchBridgeStartup(5) },
  { title: 'card placed → greeting in Chromium (20 samples)', run: () => benchCardToGreeting(20) },
  { title: 'certificate render', run: benchCertificateRender },
  { title: 'taps and seconds from card placed to certificate printed (3 routes × 3 visits)', run: () => benchJourneyTaps(3) },
  { title: 'UI tap → next screen painted, CPU ×4 and ×1, and bytes per route (5 warm visits each)', run: () => benchUiTransitions(5) },
  { title: 'certificate types: render median/p95 and size per type; CJK font CFF vs TrueType', run: benchCertificateTypes },
  { title: 'print path: confirm → stored → accepted by CUPS; receipt encode', run: benchPrintPipeline },
  { title: 'document capture: 5 MP still → cropped page ≤ 500 KB, PDF', run: benchCamera },
  { title: 'ID reader: SAM frames/s, card read over a pty vs wire + SAM time, reconnect after replug', run: () => benchIdReader(10, 3) },
  { title: 'face check: model load, one attempt (wasm vs plain-JS cpu), memory over 100 attempts', run: benchFace },
  { title: 'face check in the kiosk Chromium instead of the bridge (the other placement)', run: benchFaceInBrowser },
  { title: 'platform: catalogue search, outbox drain after an outage, verification page', run: benchPlatform },
  { title: 'metrics: /metrics scrape time and size, series per kiosk, 10 000-kiosk fleet sizing', run: () => benchMetrics(200) },
];

const machine = machineDescription();
const startedAt = performance.now();
let failures = 0;

for (const part of parts) {
  const partStartedAt = performance.now();
  console.error(`[bench] ${part.title} …`);
  try {
    for (const result of await part.run()) {
      const line: BenchResult = { ...result, machine };
      console.log(JSON.stringify(line));
    }
    console.error(`[bench] ${part.title}: ${Math.round(performance.now() - partStartedAt)} ms`);
  } catch (error) {
    failures += 1;
    console.error(`[bench] ${part.title} FAILED:`, error);
  }
}

console.error(`[bench] done in ${Math.round((performance.now() - startedAt) / 1000)} s${failures ? `, ${failures} part(s) failed` : ''}`);
process.exitCode = failures > 0 ? 1 : 0;
