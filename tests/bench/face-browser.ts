// The alternative placement of the face check: the same model and the same attempt in the
// kiosk's Chromium (human's browser build, tfjs WebAssembly backend; WebGL is off with --disable-gpu
// as the kiosk runs it), against the bridge figures in face.ts. Served from a throw-away local server.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { cardFaceImage, renderScene } from '../../device-bridge/src/devices/camera/scenes.ts';
import { launchChromium } from '../support/browser.ts';
import { median, round, type BenchResult } from './stats.ts';

const require = createRequire(import.meta.url);
const humanDir = dirname(dirname(require.resolve('@vladmandic/human')));
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

const page = `<!doctype html><html><body><script type="module">
import { Human } from '/human/dist/human.esm.js';
const off = { enabled: false };
const config = {
  backend: 'wasm', wasmPath: '/wasm/', modelBasePath: '/human/models/', debug: false, async: false, cacheSensitivity: 0, warmup: 'none',
  face: { enabled: true, detector: { rotation: false, maxDetected: 1, minConfidence: 0.5, skipFrames: 0, skipTime: 0 }, mesh: { enabled: true },
    attention: off, iris: off, emotion: off, description: { enabled: true, skipFrames: 0, skipTime: 0 },
    antispoof: { enabled: true, skipFrames: 0, skipTime: 0 }, liveness: { enabled: true, skipFrames: 0, skipTime: 0 } },
  body: off, hand: off, object: off, gesture: off, segmentation: off, filter: off,
};
const detectOnly = { face: { description: off, antispoof: off, liveness: off } };
const describe = { face: { description: { enabled: true }, antispoof: { enabled: true }, liveness: { enabled: true } } };
const image = (src) => new Promise((resolve, reject) => { const img = new Image(); img.onload = () => resolve(img); img.onerror = reject; img.src = src; });
window.bench = async () => {
  const started = performance.now();
  const human = new Human(config);
  await human.load();
  const loadMs = performance.now() - started;
  const frames = await Promise.all([0, 1, 2, 3].map((i) => image('/frame/' + i)));
  const card = (await human.detect(await image('/card'), describe)).face[0].embedding;
  const attempt = async () => {
    for (const frame of frames) await human.detect(frame, detectOnly);
    const best = (await human.detect(frames[0], describe)).face[0];
    return human.match.similarity(card, best.embedding);
  };
  for (let i = 0; i < 3; i++) await attempt();
  const samples = [];
  let similarity = 0;
  for (let i = 0; i < 10; i++) { const t = performance.now(); similarity = await attempt(); samples.push(performance.now() - t); }
  return { loadMs, samples, similarity, backend: human.tf.getBackend() };
};
window.ready = true;
</script></body></html>`;

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

async function serve(files: { frames: Buffer[]; card: Buffer }): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let body: Buffer | string | null = null;
      let type = 'text/html';
      if (path === '/') body = page;
      else if (path.startsWith('/frame/')) [body, type] = [files.frames[Number(path.slice(7))] ?? null, 'image/jpeg'];
      else if (path === '/card') [body, type] = [files.card, 'image/jpeg'];
      else if (path.startsWith('/human/') || path.startsWith('/wasm/')) {
        const root = path.startsWith('/human/') ? humanDir : wasmDir;
        const file = normalize(join(root, path.replace(/^\/(human|wasm)\//, '')));
        if (file.startsWith(root)) {
          body = await readFile(file).catch(() => null);
          type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
        }
      }
      if (body === null) response.writeHead(404).end();
      else response.writeHead(200, { 'Content-Type': type }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export async function benchFaceInBrowser(): Promise<BenchResult[]> {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const frames = await Promise.all(
    [0, 1, 2, 3].map(() => renderScene({ kind: 'face', face: 'person-a' }, { width: 640, height: 480, random })),
  );
  const { server, url } = await serve({ frames, card: cardFaceImage('person-a') });
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const result = (await tab.evaluate(() => (window as unknown as { bench: () => Promise<unknown> }).bench())) as {
      loadMs: number;
      samples: number[];
      similarity: number;
      backend: string;
    };
    return [
      {
        name: 'face-model-load-browser',
        value: round(result.loadMs, 0),
        unit: 'ms',
        backend: result.backend,
        note: 'human.esm.js in the kiosk Chromium (--disable-gpu), models over local HTTP',
      },
      {
        name: 'face-verify-attempt-browser',
        value: round(median(result.samples), 0),
        unit: 'ms',
        samples: result.samples.length,
        backend: result.backend,
        similarity: round(result.similarity, 2),
        note: 'same attempt as face-verify-attempt (bridge); compare the two lines',
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
