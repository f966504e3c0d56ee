import { spawn } from 'node:child_process';
import { repoRoot } from './repo.ts';

/** The PIN the technician tests type on the PIN pad. */
export const technicianPin = '604217';

/**
 * Sets the technician PIN the way an installer does (`doctor set-pin --pin-stdin`) in `dataDir`,
 * so the tests go through the real hashing and file, not a shortcut. Resolves with the exit code.
 */
export function setTechnicianPin(dataDir: string, pin = technicianPin): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/src/doctor/main.ts', 'set-pin', '--pin-stdin'], {
      cwd: repoRoot,
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
    child.stdin.end(`${pin}\n`);
  });
}
