import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpool } from './spool.ts';

const newSpool = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-spool-'));
  return { dir, spool: createSpool({ dir, key: randomBytes(32), randomBytes }) };
};

describe('print spool', () => {
  it('gives back exactly what was spooled, and nothing after removal', () => {
    const { spool } = newSpool();
    const document = Buffer.from('%PDF-1.7 姓名 张伟');
    spool.write('job-1', document);
    expect(spool.read('job-1')).toEqual(document);
    spool.remove('job-1');
    expect(spool.read('job-1')).toBeNull();
  });

  it('never stores the document readable on disk', () => {
    const { dir, spool } = newSpool();
    spool.write('job-2', Buffer.from('张伟 330106199003071234'));
    const [file] = readdirSync(dir);
    const stored = readFileSync(join(dir, file!));
    expect(stored.includes(Buffer.from('330106199003071234'))).toBe(false);
    expect(stored.includes(Buffer.from('张伟'))).toBe(false);
  });

  it('refuses a tampered document instead of printing it', () => {
    const { dir, spool } = newSpool();
    spool.write('job-3', Buffer.from('original'));
    const file = join(dir, 'job-3.pdf.enc');
    const stored = readFileSync(file);
    stored.writeUInt8(stored.readUInt8(stored.length - 1) ^ 0xff, stored.length - 1);
    writeFileSync(file, stored);
    expect(spool.read('job-3')).toBeNull();
  });

  it('refuses job ids that could escape the spool directory', () => {
    expect(() => newSpool().spool.write('../x', Buffer.from('x'))).toThrow();
  });
});
