// Debian's Prometheus tools, run from tests: promtool checks, and Prometheus / Alertmanager servers
// on loopback, on free ports, in temp dirs, stopped afterwards (nothing is left running).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from './bridge-process.ts';
import { rawRequest } from './http.ts';
import { waitFor } from './wait.ts';

const run = promisify(execFile);

export interface ToolResult {
  code: number;
  output: string;
}

/** promtool with stdin; never throws on a failing check, so the test can show the output. */
export function promtool(args: string[], stdin?: string, cwd?: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(stdin ?? '');
  });
}

export async function amtool(args: string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await run('amtool', args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  logs(): string;
  stop(): Promise<void>;
}

/** How readiness is asked: plain HTTP by default; a server behind its own TLS + basic auth needs more. */
export type ReadyProbe = (url: string) => Promise<number>;
const plainProbe: ReadyProbe = async (url) => (await rawRequest(url, { timeoutMs: 1_000 })).status;

/** Starts a server binary whose readiness endpoint answers 200, with its own temp dir. */
async function startServer(
  name: string,
  binary: string,
  args: (port: number, dir: string) => string[],
  readyPath: string,
  timeoutMs = 20_000,
  probe: ReadyProbe = plainProbe,
  scheme: 'http' | 'https' = 'http',
  fixedPort?: number,
): Promise<RunningServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `tongban-${name}-`));
  const port = fixedPort ?? (await freeLoopbackPort());
  const child: ChildProcess = spawn(binary, args(port, dir), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `${scheme}://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
        try {
          const status = await probe(`${url}${readyPath}`);
          return status === 200 ? { value: true } : { note: `status ${status}` };
        } catch (error) {
          return { note: (error as Error).message };
        }
      },
      timeoutMs,
      100,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, port, dir, logs: () => output, stop };
}

/** A Prometheus server (agent mode or a full one) reading the given config file. */
export function startPrometheus(options: {
  name: string;
  configFile: string;
  agent?: boolean;
  remoteWriteReceiver?: boolean;
  /** --web.config.file (TLS + basic auth): the server then answers https only, and `probe` must log in */
  webConfigFile?: string;
  probe?: ReadyProbe;
  /** a port chosen beforehand (a config that names the server's own address, e.g. its self-scrape) */
  port?: number;
}): Promise<RunningServer> {
  return startServer(
    options.name,
    'prometheus',
    (port, dir) => [
      `--config.file=${options.configFile}`,
      `--web.listen-address=127.0.0.1:${port}`,
      ...(options.agent ? ['--enable-feature=agent', `--storage.agent.path=${dir}/agent`] : [`--storage.tsdb.path=${dir}/tsdb`]),
      ...(options.remoteWriteReceiver ? ['--web.enable-remote-write-receiver'] : []),
      ...(options.webConfigFile ? [`--web.config.file=${options.webConfigFile}`] : []),
    ],
    '/-/ready',
    20_000,
    options.probe,
    options.webConfigFile ? 'https' : 'http',
    options.port,
  );
}

export function startAlertmanager(configFile: string): Promise<RunningServer> {
  return startServer(
    'alertmanager',
    'prometheus-alertmanager',
    (port, dir) => [
      `--config.file=${configFile}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    '/-/ready',
  );
}
