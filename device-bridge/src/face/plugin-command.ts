import { execFile } from 'node:child_process';

/**
 * A site-installed program the bridge calls for what only a vendor can do (the licensed WLT photo
 * decoder, a CTID e-ID client). Run with execFile — no shell, arguments as an array — with a time
 * limit and a bound on what it may print, so a hung or runaway program cannot hold a citizen or
 * grow the bridge's memory. Personal data goes on stdin, never in the arguments (`ps` shows those).
 */
export interface PluginCommand {
  command: string;
  args: readonly string[];
  timeoutMs: number;
  maxOutputBytes: number;
}

export type PluginFailure = 'not-found' | 'timeout' | 'too-large' | 'failed';

export class PluginCommandError extends Error {
  constructor(
    readonly reason: PluginFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PluginCommandError';
  }
}

/** Runs the command with `input` on stdin; resolves with its stdout when it exits 0. */
export function runPluginCommand(plugin: PluginCommand, args: readonly string[], input: Uint8Array | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      plugin.command,
      [...args],
      { encoding: 'buffer', timeout: plugin.timeoutMs, killSignal: 'SIGKILL', maxBuffer: plugin.maxOutputBytes, windowsHide: true },
      (error, stdout) => {
        if (!error) return resolve(stdout);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        // stderr is not passed on: a vendor tool may echo what it was given
        if (failure.code === 'ENOENT' || failure.code === 'EACCES')
          reject(new PluginCommandError('not-found', `${plugin.command} cannot be run (${failure.code})`));
        else if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          reject(new PluginCommandError('too-large', `${plugin.command} printed more than ${plugin.maxOutputBytes} bytes`));
        else if (failure.killed)
          reject(new PluginCommandError('timeout', `${plugin.command} did not finish within ${plugin.timeoutMs} ms`));
        else reject(new PluginCommandError('failed', `${plugin.command} failed (exit ${String(failure.code ?? 'signal')})`));
      },
    );
    // a program that does not read its stdin closes the pipe early: that is not our failure
    child.stdin?.on('error', () => undefined);
    if (input) child.stdin?.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    else child.stdin?.end();
  });
}
