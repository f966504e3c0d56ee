import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UndecodableImageError, type FaceEngine, type FaceObservation } from './face-engine.ts';
import { loadSharp } from '../images/load-sharp.ts';

/**
 * The face model: @vladmandic/human's node-wasm build on @tensorflow/tfjs-backend-wasm. Both ship
 * their binaries (models, .wasm) inside the npm tarballs, so this runs offline on any x86/ARM CPU
 * with nothing downloaded at install or run time (tfjs-node would fetch libtensorflow).
 * Loaded lazily, on first use, so a bridge that never verifies a face never pays for it.
 */
const require = createRequire(import.meta.url);

// human's package.json "exports" keys lack the "./" prefix, so its subpaths cannot be resolved by
// name; its Node entry can, and the wasm build and models sit beside it.
const humanNodeEntry = require.resolve('@vladmandic/human');
const humanDir = dirname(dirname(humanNodeEntry));

interface HumanModule {
  Human: new (config: Record<string, unknown>) => HumanInstance;
}
interface HumanFace {
  box: [number, number, number, number];
  boxScore: number;
  score: number;
  real?: number;
  live?: number;
  embedding?: number[];
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
}
interface HumanInstance {
  load(): Promise<void>;
  warmup(): Promise<unknown>;
  detect(input: unknown, config?: Record<string, unknown>): Promise<{ face: HumanFace[]; error?: string | null }>;
  match: { similarity(a: number[], b: number[]): number };
  tf: {
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
    memory(): { numTensors: number; numBytes: number };
    io: { registerLoadRouter(router: (url: string | string[]) => unknown): void };
  };
}

/** tfjs in Node has no file:// loader without tfjs-node: read model.json and its weight files here. */
function fileModelRouter(url: string | string[]): unknown {
  if (typeof url !== 'string' || !url.startsWith('file://')) return null;
  return {
    async load() {
      const file = fileURLToPath(url);
      const manifest = JSON.parse(await readFile(file, 'utf8')) as {
        modelTopology: unknown;
        format?: string;
        generatedBy?: string;
        convertedBy?: string;
        signature?: unknown;
        userDefinedMetadata?: unknown;
        modelInitializer?: unknown;
        weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
      };
      const parts = await Promise.all(
        manifest.weightsManifest.flatMap((group) => group.paths.map((path) => readFile(join(dirname(file), path)))),
      );
      const weights = Buffer.concat(parts);
      return {
        modelTopology: manifest.modelTopology,
        format: manifest.format,
        generatedBy: manifest.generatedBy,
        convertedBy: manifest.convertedBy,
        signature: manifest.signature,
        userDefinedMetadata: manifest.userDefinedMetadata,
        modelInitializer: manifest.modelInitializer,
        weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      };
    },
  };
}

const faceOnly = {
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
  filter: { enabled: false },
};

function faceConfig(describe: boolean): Record<string, unknown> {
  return {
    face: {
      enabled: true,
      // every frame is judged on its own: no result reuse between "similar" frames (a video optimisation)
      detector: { rotation: false, maxDetected: 1, minConfidence: 0.5, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: describe, skipFrames: 0, skipTime: 0 },
      antispoof: { enabled: describe, skipFrames: 0, skipTime: 0 },
      liveness: { enabled: describe, skipFrames: 0, skipTime: 0 },
    },
    ...faceOnly,
  };
}

/**
 * `backend`: 'wasm' (default; tfjs's WebAssembly kernels, SIMD where the CPU has it) or 'cpu'
 * (tfjs's plain JavaScript kernels — only for the bench's comparison: several times slower).
 */
export function createHumanFaceEngine(options: { backend?: 'wasm' | 'cpu' } = {}): FaceEngine {
  const backend = options.backend ?? 'wasm';
  let human: HumanInstance | null = null;
  let loading: Promise<void> | null = null;
  // human keeps per-run state and tfjs-wasm one heap: analyses run one after another, never interleaved
  // (a guidance poll still running when the citizen presses "start check" must not break the check)
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(run: () => Promise<T>): Promise<T> {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  }

  async function loadOnce(): Promise<void> {
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(path: string): void };
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
    wasm.setWasmPaths(wasmDir);
    if (backend === 'cpu') require('@tensorflow/tfjs-backend-cpu');
    const module = require(join(humanDir, 'dist/human.node-wasm.js')) as HumanModule;
    const instance = new module.Human({
      backend,
      wasmPath: wasmDir,
      modelBasePath: pathToFileURL(join(humanDir, 'models') + '/').href,
      debug: false,
      async: false,
      cacheSensitivity: 0,
      warmup: 'none',
      ...faceConfig(true),
    });
    instance.tf.io.registerLoadRouter(fileModelRouter);
    await instance.load();
    human = instance;
  }

  async function analyzeNow(image: Uint8Array, { describe }: { describe: boolean }): Promise<FaceObservation | null> {
    loading ??= loadOnce();
    await loading;
    const model = human!;
    const sharp = await loadSharp();
    // device bytes are untrusted: a well-framed JPEG may still hold corrupt scan data
    const { data, info } = await sharp(image)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .catch((error: Error) => {
        throw new UndecodableImageError(error.message);
      });
    const tensor = model.tf.tensor3d(new Uint8Array(data.buffer, data.byteOffset, data.length), [info.height, info.width, 3], 'int32');
    let faces: HumanFace[];
    try {
      const result = await model.detect(tensor, faceConfig(describe));
      faces = result.face;
    } finally {
      tensor.dispose();
      data.fill(0);
    }
    const face = faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
    if (!face) return null;
    const [x, y, w, h] = face.box;
    const left = Math.max(0, Math.floor(x));
    const top = Math.max(0, Math.floor(y));
    const width = Math.max(1, Math.min(info.width - left, Math.round(w)));
    const height = Math.max(1, Math.min(info.height - top, Math.round(h)));
    const thumbnail = await sharp(image).extract({ left, top, width, height }).greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer();
    let sum = 0;
    for (const value of thumbnail) sum += value;
    const observation: FaceObservation = {
      box: [left, top, width, height],
      imageWidth: info.width,
      imageHeight: info.height,
      detectorScore: face.boxScore ?? face.score,
      yaw: face.rotation?.angle.yaw ?? 0,
      pitch: face.rotation?.angle.pitch ?? 0,
      brightness: sum / thumbnail.length,
      thumbnail: new Uint8Array(thumbnail),
    };
    if (describe && face.embedding && face.embedding.length > 0) {
      observation.description = { real: face.real ?? 0, live: face.live ?? 0, embedding: face.embedding };
    }
    return observation;
  }

  const engine: FaceEngine = {
    load() {
      loading ??= loadOnce();
      return loading;
    },
    analyze(image, options) {
      return serialised(() => analyzeNow(image, options));
    },
    similarity(a, b) {
      if (!human) throw new Error('face engine not loaded');
      return human.match.similarity([...a], [...b]);
    },
    memory() {
      if (!human) return { tensors: 0, bytes: 0 };
      const { numTensors, numBytes } = human.tf.memory();
      return { tensors: numTensors, bytes: numBytes };
    },
  };
  return engine;
}
