import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Job ids become file names: only plain names, so an id can never point outside the directory. */
const safeJobId = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isSafeJobId(jobId: string): boolean {
  return safeJobId.test(jobId);
}

export function printOutPath(printOutDir: string, jobId: string): string {
  return join(printOutDir, `${jobId}.pdf`);
}

/**
 * Writes the simulated paper: `<printOutDir>/<jobId>.pdf`. The bytes go to a hidden temporary name
 * first and are renamed into place, so anyone watching the directory (a test, a person) sees either
 * no file or the whole file, never half a PDF. The directory is created when missing.
 */
export async function writePrintOut(printOutDir: string, jobId: string, pdf: Buffer): Promise<string> {
  if (!isSafeJobId(jobId)) throw new Error(`job id ${JSON.stringify(jobId)} cannot be used as a file name`);
  await mkdir(printOutDir, { recursive: true });
  const finalPath = printOutPath(printOutDir, jobId);
  const temporaryPath = join(printOutDir, `.${jobId}.pdf.partial`);
  try {
    await writeFile(temporaryPath, pdf);
    await rename(temporaryPath, finalPath);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
  return finalPath;
}
