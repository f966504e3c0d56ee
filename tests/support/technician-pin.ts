import { runDoctor } from './doctor.ts';

/** The PIN the technician tests type on the PIN pad. */
export const technicianPin = '604217';

/**
 * Sets the technician PIN the way an installer does (`doctor set-pin --pin-stdin`) in `dataDir`,
 * so the tests go through the real hashing and file, not a shortcut. Resolves with the exit code.
 */
export async function setTechnicianPin(dataDir: string, pin = technicianPin): Promise<number> {
  const { code, output } = await runDoctor(['set-pin', '--pin-stdin'], { KIOSK_DATA_DIR: dataDir }, `${pin}\n`);
  if (code !== 0) process.stderr.write(output);
  return code;
}
