import { createHash, createHmac } from 'node:crypto';
import { open, seal } from '../../outbox/sealed-box.ts';

/**
 * What the embedded platform writes to disk for a person and their files. On the standalone
 * server (the platform itself) it keeps what it was given. Inside the kiosk (the default set-up,
 * var/platform.db next to the kiosk's own store) a case must not turn the kiosk into a store of
 * people: ID numbers and names become keyed hashes (enough to find a person's own cases,
 * appointments and tickets again, useless without the kiosk's key), form answers and a rater's
 * identity are sealed with AES-256-GCM, and of a scanned PDF or signature PNG only its SHA-256 and
 * size are kept. The key is `<secrets.dir>/platform-data.key`.
 */
export interface AtRest {
  readonly inKiosk: boolean;
  /** the value the id_number columns hold */
  idNumber(value: string): string;
  /** the value the name columns hold */
  name(value: string): string;
  /** form answers, a rater: as stored; `binding` ties the sealed text to its row */
  sealText(text: string, binding: string): string;
  openText(stored: string, binding: string): string;
  /** the file itself, or null where only its digest is kept */
  fileBytes(bytes: Buffer): Buffer | null;
}

const hashedPrefix = 'h1:';
const sealedPrefix = 's1:';

export const platformAtRest: AtRest = {
  inKiosk: false,
  idNumber: (value) => value,
  name: (value) => value,
  sealText: (text) => text,
  openText: (stored) => stored,
  fileBytes: (bytes) => bytes,
};

export function kioskAtRest(key: Buffer, randomBytes: (n: number) => Buffer): AtRest {
  const keyed = (kind: string, value: string) => `${hashedPrefix}${createHmac('sha256', key).update(`${kind}:${value}`).digest('hex')}`;
  return {
    inKiosk: true,
    idNumber: (value) => (isHashed(value) ? value : keyed('id-number', value)),
    name: (value) => (isHashed(value) ? value : keyed('name', value)),
    sealText: (text, binding) =>
      isSealed(text) ? text : `${sealedPrefix}${seal(key, Buffer.from(text, 'utf8'), binding, randomBytes).toString('base64')}`,
    openText: (stored, binding) =>
      isSealed(stored) ? open(key, Buffer.from(stored.slice(sealedPrefix.length), 'base64'), binding).toString('utf8') : stored,
    fileBytes: () => null,
  };
}

export const isHashed = (value: string) => value.startsWith(hashedPrefix);
export const isSealed = (value: string) => value.startsWith(sealedPrefix);
export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
