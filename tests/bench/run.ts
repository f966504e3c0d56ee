// `npm run bench`: one JSON object per line on stdout (name, value, unit + context), progress on
// stderr. Runs each part in turn so they do not compete for the 2 cores of a kiosk-class machine.
import { benchBridgeStartup } from './bridge-startup.ts';
import { benchCardToGreeting } from './card-to-greeting.ts';
import { machineDescription, type BenchResult } from './stats.ts';
import { benchUiBundle } from './ui-bundle.ts';

type BenchPart = () => Promise<ReadonlyArray<{ name: string; value: number; unit: string }>>;

/**
 * The certificate renderer's own bench lives in certificate-render.ts (written with the renderer).
 * Loaded by path at run time so this runner still type-checks while that file is being written; a
 * missing file fails this part loudly instead of being skipped.
 */
const benchCertificateRender: BenchPart = async () => {
  const modulePath = './certificate-render.ts';
  const loaded = (await import(modulePath)) as { benchCertificateRender?: BenchPart };
  if (typeof loaded.benchCertificateRender !== 'function') {
    throw new Error('tests/bench/certificate-render.ts does not export benchCertificateRender()');
  }
  return loaded.benchCertificateRender();
};

const parts: Array<{ title: string; run: BenchPart }> = [
  { title: 'UI initial bundle size', run: benchUiBundle },
  { title: 'bridge cold start and memory (5 spawns)', run: () => benchBridgeStartup(5) },
  { title: 'card placed → greeting in Chromium (20 samples)', run: () => benchCardToGreeting(20) },
  { title: 'certificate render', run: benchCertificateRender },
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
