// A private CUPS server for tests: cupsd from Debian's `cups` package, run as root in a temp dir,
// listening on a free loopback port, with one queue whose backend is a small script that writes
// each job's document to `outDir/job-<id>.pdf` (and the copies CUPS asked for to `job-<id>.copies`).
// The script can be told to fail the way a printer does, so the kiosk's driver sees genuine CUPS
// behaviour: printer-state-reasons, job-state aborted, the queue's error policy. Two kinds of
// paper-out: 'paper-out' exits 1 (CUPS aborts the job), 'paper-out-waits' reports
// media-empty-error and then blocks, as the real ipp:// and usb:// backends do (the job stays
// `processing` until someone cancels it or MaxJobTime passes, OpenPrinting/cups#1298).
// `disable()`/`enable()` use Debian's cupsdisable/cupsenable against this server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivateCups {
  /** http://127.0.0.1:<port> */
  server: string;
  /** host:port, as lp/lpstat -h want it */
  hostPort: string;
  queue: string;
  /** where printed documents land: job-<cups id>.pdf */
  outDir: string;
  /**
   * How the next job(s) go: 'paper-out' fails after writing part of the output (exit 1, CUPS aborts);
   * 'paper-out-waits' reports media-empty-error after part of the output and then waits like a real
   * backend until cancelled; 'jam' fails at once; 'slow' takes 3 s; 'none' prints.
   */
  setFault(fault: 'none' | 'paper-out' | 'paper-out-waits' | 'jam' | 'slow'): void;
  /** the copies CUPS handed the backend for a job (argv[4]), once it printed */
  copiesOf(cupsJobId: string): number | null;
  /** printed files so far */
  printed(): string[];
  disable(reason?: string): Promise<void>;
  enable(): Promise<void>;
  /** runs a CUPS client tool (lpstat, lpadmin, cancel…) against this server */
  tool(command: string, args: string[]): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The backend: CUPS runs it as root (mode 0700) with the job's document as argv[6]. The fault file
 * is read per job. "STATE: +media-empty-error" on stderr is how a backend reports a condition; exit
 * code 4 (CUPS_BACKEND_STOP) stops the queue, 1 (CUPS_BACKEND_FAILED) applies the error policy.
 * A real network or USB backend does not exit on paper-out: it keeps the job and waits for paper
 * ('paper-out-waits'); Cancel-Job makes CUPS send it SIGTERM. The wait is in short sleeps so the
 * script notices the signal at once and no stray `sleep` outlives it.
 */
function backendScript(outDir: string, faultFile: string): string {
  return `#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct tongban-test "Tongban" "Tongban test printer"'; exit 0; fi
fault=$(cat '${faultFile}' 2>/dev/null || echo none)
out='${outDir}'/job-$1.pdf
case "$fault" in
  jam) echo "STATE: +media-jam-error" >&2; echo "ERROR: paper jam" >&2; exit 1 ;;
  paper-out)
    if [ -n "$6" ]; then head -c 2000 "$6" > "$out.partial"; else head -c 2000 > "$out.partial"; fi
    echo "STATE: +media-empty-error" >&2; echo "ERROR: out of paper" >&2; exit 1 ;;
  paper-out-waits)
    trap 'exit 0' TERM
    if [ -n "$6" ]; then head -c 2000 "$6" > "$out.partial"; else head -c 2000 > "$out.partial"; fi
    echo "STATE: +media-empty-error" >&2; echo "INFO: out of paper, waiting" >&2
    while :; do sleep 0.2; done ;;
  slow) sleep 3 ;;
esac
echo "STATE: -media-empty-error,media-jam-error" >&2
if [ -n "$6" ]; then cp "$6" "$out.tmp"; else cat > "$out.tmp"; fi
echo "$4" > '${outDir}'/job-$1.copies
mv "$out.tmp" "$out"
exit 0
`;
}

export async function startPrivateCups(options: { queue?: string } = {}): Promise<PrivateCups> {
  const queue = options.queue ?? 'Kiosk_A4';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-cups-'));
  const port = await freePort();
  const hostPort = `127.0.0.1:${port}`;
  const outDir = path.join(dir, 'out');
  const faultFile = path.join(dir, 'fault');
  for (const sub of ['etc', 'etc/ppd', 'spool', 'spool/tmp', 'cache', 'state', 'log', 'bin', 'bin/backend', 'out']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  chmodSync(path.join(dir, 'spool'), 0o710);
  chmodSync(outDir, 0o777);
  for (const sub of ['filter', 'daemon', 'cgi-bin', 'monitor', 'notifier']) {
    if (existsSync(`/usr/lib/cups/${sub}`)) symlinkSync(`/usr/lib/cups/${sub}`, path.join(dir, 'bin', sub));
  }
  const backend = path.join(dir, 'bin/backend/tongban-test');
  writeFileSync(backend, backendScript(outDir, faultFile), { mode: 0o700 });
  writeFileSync(faultFile, 'none');
  writeFileSync(
    path.join(dir, 'etc/cupsd.conf'),
    `Listen ${hostPort}
LogLevel warn
Browsing No
WebInterface No
DefaultAuthType None
JobRetryLimit 0
PreserveJobHistory Yes
PreserveJobFiles No
MaxJobTime 300
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
`,
  );
  writeFileSync(
    path.join(dir, 'etc/cups-files.conf'),
    `ServerRoot ${dir}/etc
ServerBin ${dir}/bin
DataDir /usr/share/cups
RequestRoot ${dir}/spool
TempDir ${dir}/spool/tmp
CacheDir ${dir}/cache
StateDir ${dir}/state
ErrorLog ${dir}/log/error_log
AccessLog ${dir}/log/access_log
PageLog ${dir}/log/page_log
SystemGroup root
User lp
Group lp
Sandboxing Relaxed
`,
  );
  const cupsd: ChildProcess = spawn(
    '/usr/sbin/cupsd',
    ['-f', '-c', path.join(dir, 'etc/cupsd.conf'), '-s', path.join(dir, 'etc/cups-files.conf')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  cupsd.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => cupsd.once('exit', () => resolve()));
  const env = { ...process.env, CUPS_SERVER: hostPort, LANG: 'C' };
  const tool = async (command: string, args: string[]) => (await run(command, args, { env })).stdout;

  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await tool('lpstat', ['-h', hostPort, '-r']);
      break;
    } catch (error) {
      if (cupsd.exitCode !== null || Date.now() > deadline) {
        throw new Error(`cupsd did not start: ${stderr || (error as Error).message}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  // cupsd may answer lpstat a moment before it takes admin requests on a loaded machine: retry set-up
  const retried = async (command: string, args: string[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await tool(command, args);
      } catch (error) {
        if (attempt >= 10)
          throw new Error(`${command} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  // what the technician set-up does on a real kiosk: a raw queue, abort-job so nothing prints hours later
  await retried('lpadmin', ['-h', hostPort, '-p', queue, '-v', 'tongban-test:/', '-o', 'printer-error-policy=abort-job']);
  await retried('cupsaccept', ['-h', hostPort, queue]);
  await retried('cupsenable', ['-h', hostPort, queue]);

  return {
    server: `http://${hostPort}`,
    hostPort,
    queue,
    outDir,
    setFault: (fault) => writeFileSync(faultFile, fault),
    printed: () =>
      readdirSync(outDir)
        .filter((name) => name.endsWith('.pdf'))
        .sort(),
    copiesOf(cupsJobId) {
      const file = path.join(outDir, `job-${cupsJobId}.copies`);
      return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
    },
    disable: async (reason = 'maintenance') => void (await tool('cupsdisable', ['-h', hostPort, '-r', reason, queue])),
    enable: async () => void (await tool('cupsenable', ['-h', hostPort, queue])),
    tool,
    async stop() {
      cupsd.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (cupsd.exitCode === null) cupsd.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
