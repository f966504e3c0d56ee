// Face check (issue 8): model load, one verification attempt on this CPU (WebAssembly backend, and
// tfjs's plain-JS CPU backend as the alternative), and memory after 100 attempts (no growth).
import { renderScene } from '../../device-bridge/src/devices/camera/scenes.ts';
import { cardFaceImage } from '../../device-bridge/src/devices/camera/scenes.ts';
import type { FaceEngine } from '../../device-bridge/src/face/face-engine.ts';
import { faceMotion } from '../../device-bridge/src/face/guidance.ts';
import { createHumanFaceEngine } from '../../device-bridge/src/face/human-engine.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

/** the work of one attempt in the bridge: 4 frames detected, the best one described, compared */
async function attempt(engine: FaceEngine, frames: Buffer[], reference: readonly number[]): Promise<number> {
  const faces = [];
  for (const frame of frames) {
    const face = await engine.analyze(frame, { describe: false });
    if (face) faces.push(face);
  }
  faceMotion(faces.map((face) => face.thumbnail));
  const best = await engine.analyze(frames[0]!, { describe: true });
  return engine.similarity(reference, best!.description!.embedding);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchFace(): Promise<BenchResult[]> {
  let random = 1;
  const rng = () => ((random = (random * 16807) % 2147483647) / 2147483647);
  const frames = await Promise.all([0, 1, 2, 3].map(() => renderScene({ kind: 'face', face: 'person-a' }, { width: 640, height: 480, random: rng })));
  const results: BenchResult[] = [];

  const wasm = createHumanFaceEngine();
  const loadMs = await time(() => wasm.load());
  results.push({ name: 'face-model-load', value: round(loadMs, 0), unit: 'ms', backend: 'wasm', note: 'first load in the process: models from the npm package, wasm compile' });
  const reference = (await wasm.analyze(cardFaceImage('person-a'), { describe: true }))!.description!.embedding;
  for (let i = 0; i < 3; i++) await attempt(wasm, frames, reference);
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) samples.push(await time(() => attempt(wasm, frames, reference)));
  const wasmMedian = median(samples);
  results.push({ name: 'face-verify-attempt', value: round(wasmMedian, 0), unit: 'ms', p95: round(percentile(samples, 95), 0), samples: samples.length, backend: 'wasm', frames: 4, frameSize: '640x480' });

  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const tensorsBefore = wasm.memory().tensors;
  for (let i = 0; i < 100; i++) await attempt(wasm, frames, reference);
  (globalThis as { gc?: () => void }).gc?.();
  const tensorsAfter = wasm.memory().tensors;
  results.push({ name: 'face-tensors-growth-100-attempts', value: tensorsAfter - tensorsBefore, unit: 'tensors', before: tensorsBefore, after: tensorsAfter });
  results.push({
    name: 'face-rss-growth-100-attempts',
    value: round((process.memoryUsage().rss - rssBefore) / 1048576, 1),
    unit: 'MB',
    heapGrowthMB: round((process.memoryUsage().heapUsed - heapBefore) / 1048576, 1),
    rssAfterMB: round(process.memoryUsage().rss / 1048576, 0),
  });

  // the alternative without WebAssembly: tfjs's JavaScript kernels (same models, same attempt)
  const cpu = createHumanFaceEngine({ backend: 'cpu' });
  await cpu.load();
  await attempt(cpu, frames, reference);
  const cpuSamples: number[] = [];
  for (let i = 0; i < 3; i++) cpuSamples.push(await time(() => attempt(cpu, frames, reference)));
  const cpuMedian = median(cpuSamples);
  results.push({ name: 'face-verify-attempt', value: round(cpuMedian, 0), unit: 'ms', samples: cpuSamples.length, backend: 'cpu (plain JS)' });
  results.push({ name: 'face-verify-wasm-speedup-over-cpu', value: round(cpuMedian / wasmMedian, 1), unit: 'x' });
  return results;
}
