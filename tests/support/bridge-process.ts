// Runs the real device bridge as a child process, exactly as `npm start` would (tsx, simulated
// devices, embedded platform), but on a free loopback port with its own throw-away data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { rawRequest } from './http.ts';
import { repoRoot, uiDistDir } from './repo.ts';

export interface StartBridgeOptions {
  /** a site override, deep-merged by the bridge over config/default.json (passed as KIOSK_CONFIG) */
  config?: object;
  /** an existing site file to pass as KIOSK_CONFIG (kept as it is; wins over `config`) */
  configFile?: string;
  /** reuse a data directory (e.g. to restart on the same SQLite store); a fresh temp dir otherwise */
  dataDir?: string;
  /** how long the bridge may take to answer /api/health with 200 */
  startTimeoutMs?: number;
}

export interface RunningBridge {
  /** e.g. http://127.0.0.1:41234 — no trailing slash */
  url: string;
  port: number;
  pid: number;
  /** wall time from spawning the process to the first 200 from /api/health */
  startupMs: number;
  /** KIOSK_DATA_DIR of this bridge: SQLite store, print-out/ … */
  dataDir: string;
  /** everything the bridge wrote to stdout and stderr so far (JSON log lines) */
  logs(): string;
  /** SIGTERM, then wait for the process to exit (SIGKILL after 10 s). Removes temp files it created. */
  stop(): Promise<void>;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe server'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

export async function startBridge(options: StartBridgeOptions = {}): Promise<RunningBridge> {
  if (!existsSync(path.join(uiDistDir, 'index.html'))) {
    throw new Error(
      `kiosk-ui/dist/index.html is missing: build the UI first (npm run build). ` +
        `The bridge serves the built UI, so the browser tests cannot run without it.`,
    );
  }

  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-bridge-'));
  const dataDir = options.dataDir ?? path.join(tempDir, 'data');
  const port = await freeLoopbackPort();
  // strict: an answer outside the API contract fails the test instead of only being logged
  const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_PORT: String(port), KIOSK_DATA_DIR: dataDir, KIOSK_STRICT_RESPONSES: '1' };
  delete env.KIOSK_CONFIG;
  if (options.configFile !== undefined) {
    env.KIOSK_CONFIG = options.configFile;
  } else if (options.config !== undefined) {
    const configFile = path.join(tempDir, 'site.json');
    await writeFile(configFile, JSON.stringify(options.config, null, 2));
    env.KIOSK_CONFIG = configFile;
  }

  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  // a data directory passed in belongs to the caller and lives outside tempDir, so it survives
  const cleanUp = () => rm(tempDir, { recursive: true, force: true });

  try {
    await waitUntilHealthy(url, child, () => output, options.startTimeoutMs ?? 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw error;
  }

  const startupMs = performance.now() - spawnedAt;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    pid: child.pid ?? -1,
    startupMs,
    dataDir,
    logs: () => output,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killTimer);
        }
        await cleanUp();
      })();
      return stopped;
    },
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the bridge exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy. Output:\n${output()}`);
    }
    try {
      const response = await rawRequest(`${url}/api/health`, { timeoutMs: 2_000 });
      if (response.status === 200) return;
      lastProblem = `GET /api/health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the bridge was not healthy within ${timeoutMs} ms (${lastProblem}). Output:\n${output()}`);
}
