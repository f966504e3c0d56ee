import { spawn } from 'node:child_process';
import { repoRoot } from './repo.ts';

export interface DoctorRun {
  code: number;
  /** stdout and stderr together, as a technician sees them over SSH */
  output: string;
}

/**
 * Runs `npm run doctor -- <args>` as a technician would (the real CLI in a child process), with
 * `env` on top of this process's environment and `stdin` fed to it (e.g. a PIN for --pin-stdin).
 */
export function runDoctor(args: string[], env: Record<string, string>, stdin = ''): Promise<DoctorRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/src/doctor/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(stdin);
  });
}
