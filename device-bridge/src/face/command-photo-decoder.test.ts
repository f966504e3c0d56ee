import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFaceImage } from '../devices/camera/scenes.ts';
import { wltPhotoBytes } from '../devices/id-reader/photo-decoder.ts';
import { encodeBmp } from './bmp-fixture.ts';
import { createCommandPhotoDecoder, type PhotoDecodeFailure } from './command-photo-decoder.ts';

/**
 * The vendor decoder plug with small stand-in "vendor tools" written here as shell scripts: what
 * reaches them, what they print, and everything that can go wrong with a program we did not write.
 */
let dir: string;
let scratch: string;
const wlt = Uint8Array.from({ length: wltPhotoBytes }, (_, i) => (i * 7) & 0xff);

function tool(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

function decoder(command: string, options: { args?: string[]; timeoutMs?: number; maxOutputBytes?: number } = {}) {
  const failures: PhotoDecodeFailure[] = [];
  const plug = createCommandPhotoDecoder({
    command,
    args: options.args ?? [],
    timeoutMs: options.timeoutMs ?? 5_000,
    maxOutputBytes: options.maxOutputBytes ?? 262_144,
    scratchDir: scratch,
    onFailure: (reason) => failures.push(reason),
  });
  return { plug, failures };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tongban-wlt-tools-'));
  scratch = mkdtempSync(join(tmpdir(), 'tongban-wlt-scratch-'));
  writeFileSync(join(dir, 'card.jpg'), cardFaceImage('person-a'));
  const { data, info } = await sharp(cardFaceImage('person-a')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  writeFileSync(join(dir, 'card.bmp'), encodeBmp(info.width, info.height, data));
  // scan data cut short and an EOI put after it: well framed, but libjpeg reports corrupt data
  const card = cardFaceImage('person-a');
  writeFileSync(join(dir, 'corrupt.jpg'), Buffer.concat([card.subarray(0, Math.floor(card.length * 0.6)), Buffer.from([0xff, 0xd9])]));
  writeFileSync(
    join(dir, 'tiny.jpg'),
    await sharp({ create: { width: 20, height: 24, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer(),
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('vendor WLT decoder as a command (face.photoDecoder)', () => {
  it('sends the 1024 WLT bytes on stdin and takes a JPEG from stdout', async () => {
    const command = tool('wlt2jpg', `cat > "${dir}/received.wlt"\ncat "${dir}/card.jpg"`);
    const { plug, failures } = decoder(command);
    const photo = await plug.decode(wlt);
    expect(photo).toMatchObject({ format: 'jpeg', width: 102, height: 126 });
    expect(readFileSync(join(dir, 'received.wlt')).equals(Buffer.from(wlt))).toBe(true);
    expect(failures).toEqual([]);
  });

  it('with {wlt} and {out} arguments, passes files on the scratch tmpfs and reads a BMP back as PNG; the files are gone after', async () => {
    const command = tool('wlt2bmp', `[ "$(wc -c < "$1")" -eq ${wltPhotoBytes} ] || exit 3\ncp "${dir}/card.bmp" "$2"`);
    const { plug, failures } = decoder(command, { args: ['{wlt}', '{out}'] });
    const photo = await plug.decode(wlt);
    expect(photo).toMatchObject({ format: 'png', width: 102, height: 126 });
    expect(await sharp(Buffer.from(photo!.bytes)).metadata()).toMatchObject({ format: 'png', width: 102, height: 126 });
    expect(failures).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  // the fixture files are named relative to the tool's own directory ($0), which exists only once the tests run
  const here = 'cd "$(dirname "$0")"';
  it.each<[string, string, PhotoDecodeFailure, { timeoutMs?: number; maxOutputBytes?: number }]>([
    ['prints something that is not an image', 'echo "licence expired"', 'not-an-image', {}],
    ['prints a JPEG with corrupt scan data', `${here}; cat corrupt.jpg`, 'not-an-image', {}],
    ['prints a picture far too small for a card photo', `${here}; cat tiny.jpg`, 'implausible-size', {}],
    ['exits with an error', 'cat > /dev/null; exit 2', 'failed', {}],
    ['hangs', 'sleep 5', 'timeout', { timeoutMs: 300 }],
    ['prints without end', 'yes AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'too-large', { maxOutputBytes: 4_096 }],
  ])('a tool that %s gives no photo, and says why', async (what, body, reason, options) => {
    const { plug, failures } = decoder(tool(`tool-${what.replaceAll(' ', '-')}`, body), options);
    const started = Date.now();
    expect(await plug.decode(wlt)).toBeNull();
    expect(failures).toEqual([reason]);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('a tool that is not installed gives no photo', async () => {
    const { plug, failures } = decoder(join(dir, 'no-such-tool'));
    expect(await plug.decode(wlt)).toBeNull();
    expect(failures).toEqual(['not-found']);
  });

  it('an {out} file larger than allowed is refused', async () => {
    const command = tool('big-out', `head -c 100000 /dev/zero > "$1"`);
    const { plug, failures } = decoder(command, { args: ['{out}'], maxOutputBytes: 4_096 });
    expect(await plug.decode(wlt)).toBeNull();
    expect(failures).toEqual(['too-large']);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
