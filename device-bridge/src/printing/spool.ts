import { createCipheriv, createDecipheriv } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const ivBytes = 12;
const tagBytes = 16;

/**
 * Documents waiting for the printer. A certificate carries the holder's name, so it is encrypted
 * at rest (AES-256-GCM, architecture rule 7) and fsynced before the job is acknowledged, so a power cut
 * after "OK" cannot lose it. Removed as soon as the paper is out.
 */
export function createSpool(options: { dir: string; key: Buffer; randomBytes: (n: number) => Buffer }) {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const fileOf = (jobId: string) => {
    if (!/^[A-Za-z0-9-]+$/.test(jobId)) throw new Error('job ids are letters, digits and dashes');
    return join(options.dir, `${jobId}.pdf.enc`);
  };

  return {
    write(jobId: string, document: Buffer): void {
      const iv = options.randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', options.key, iv);
      cipher.setAAD(Buffer.from(jobId));
      const body = Buffer.concat([cipher.update(document), cipher.final()]);
      const file = fileOf(jobId);
      const temporary = `${file}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, Buffer.concat([iv, cipher.getAuthTag(), body]));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    },
    /** The document, or null when it is gone or was tampered with. */
    read(jobId: string): Buffer | null {
      let stored: Buffer;
      try {
        stored = readFileSync(fileOf(jobId));
      } catch {
        return null;
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', options.key, stored.subarray(0, ivBytes));
        decipher.setAAD(Buffer.from(jobId));
        decipher.setAuthTag(stored.subarray(ivBytes, ivBytes + tagBytes));
        return Buffer.concat([decipher.update(stored.subarray(ivBytes + tagBytes)), decipher.final()]);
      } catch {
        return null;
      }
    },
    remove(jobId: string): void {
      rmSync(fileOf(jobId), { force: true });
    },
    /** the jobs whose documents are here */
    jobIds(): string[] {
      return readdirSync(options.dir)
        .filter((name) => name.endsWith('.pdf.enc'))
        .map((name) => name.slice(0, -'.pdf.enc'.length));
    },
  };
}

export type Spool = ReturnType<typeof createSpool>;
