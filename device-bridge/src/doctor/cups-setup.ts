import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * What the kiosk needs of its CUPS queue and server, set by the technician (`npm run doctor --
 * cups-setup`) with CUPS's own tools, never a shell:
 * - printer-error-policy=abort-job: a backend that gives up aborts the job instead of retrying it
 *   hours later;
 * - MaxJobTime (cupsd): a job still not printed after this is cancelled by CUPS itself — the backstop
 *   for a backend that waits for paper while the bridge is not running to cancel it;
 * - PreserveJobFiles No (cupsd): CUPS deletes a job's document (a certificate with a full name) as
 *   soon as the job ends, instead of keeping it for a day (the default, 86400 s);
 * and it checks the device URI: socket:// (AppSocket/JetDirect) says "completed" when the data is
 * handed to the printer, so a paper-out after that is never seen; ipp:// (or ipps://, usb://) is
 * what the kiosk's job following relies on.
 */
export const cupsSetupValues = { maxJobTimeSeconds: 300 } as const;

export interface CupsSetupTarget {
  /** host:port of the CUPS server, as the CUPS tools' -h wants it */
  hostPort: string;
  queue: string;
}

/** Runs one CUPS tool; the default uses execFile with the given args only. */
export type ToolRunner = (command: string, args: string[]) => Promise<string>;

export const runCupsTool: ToolRunner = async (command, args) =>
  (await execFileAsync(command, args, { env: { ...process.env, LANG: 'C' } })).stdout;

export interface CupsSetupReport {
  ok: boolean;
  lines: string[];
}

function deviceUriOf(lpstatV: string, queue: string): string | null {
  const line = lpstatV.split('\n').find((candidate) => candidate.startsWith(`device for ${queue}:`));
  return line ? line.slice(`device for ${queue}:`.length).trim() : null;
}

/** The device URI's scheme as the kiosk sees it: fine, or a warning a technician must act on. */
export function deviceUriAdvice(uri: string): { ok: boolean; line: string } {
  const scheme = uri.split(':')[0]!.toLowerCase();
  if (scheme === 'socket') {
    return {
      ok: false,
      line: `WARN device URI ${uri}: socket:// reports a job completed when the data reaches the printer, so paper running out after that is never seen. Use the printer's ipp:// (IPP Everywhere) URI: lpadmin -p <queue> -v ipp://<printer>/ipp/print -m everywhere`,
    };
  }
  if (scheme === 'lpd' || scheme === 'smb') {
    return { ok: false, line: `WARN device URI ${uri}: ${scheme}:// cannot report paper-out during a job; use the printer's ipp:// URI` };
  }
  return { ok: true, line: `OK   device URI ${uri}` };
}

export async function setUpCupsQueue(target: CupsSetupTarget, run: ToolRunner = runCupsTool): Promise<CupsSetupReport> {
  const lines: string[] = [];
  let ok = true;
  const step = async (what: string, command: string, args: string[]) => {
    try {
      await run(command, args);
      lines.push(`OK   ${what}`);
    } catch (error) {
      ok = false;
      const detail = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
      lines.push(`FAIL ${what}: ${detail} (run as root or a member of lpadmin)`);
    }
  };
  await step(`${target.queue}: printer-error-policy=abort-job`, 'lpadmin', [
    '-h',
    target.hostPort,
    '-p',
    target.queue,
    '-o',
    'printer-error-policy=abort-job',
  ]);
  await step(`cupsd: MaxJobTime ${cupsSetupValues.maxJobTimeSeconds} s, PreserveJobFiles No`, 'cupsctl', [
    '-h',
    target.hostPort,
    `MaxJobTime=${cupsSetupValues.maxJobTimeSeconds}`,
    'PreserveJobFiles=No',
  ]);
  try {
    const uri = deviceUriOf(await run('lpstat', ['-h', target.hostPort, '-v', target.queue]), target.queue);
    if (uri === null) {
      ok = false;
      lines.push(`FAIL ${target.queue}: CUPS has no such queue (lpstat -v)`);
    } else {
      const advice = deviceUriAdvice(uri);
      ok &&= advice.ok;
      lines.push(advice.line);
    }
  } catch (error) {
    ok = false;
    lines.push(`FAIL lpstat -v ${target.queue}: ${((error as { stderr?: string }).stderr ?? (error as Error).message).trim()}`);
  }
  return { ok, lines };
}
