import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecodedPhoto, PhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import { loadSharp } from '../images/load-sharp.ts';
import { isBmp, readBmp } from './bmp.ts';
import { PluginCommandError, runPluginCommand, type PluginCommand, type PluginFailure } from './plugin-command.ts';

/**
 * The licensed WLT decoder a site installs (vendor SDKs ship a small command-line tool around
 * libwlt2bmp.so / termb.so, or the site writes one), plugged in through `face.photoDecoder` in the
 * config. The 1024 WLT bytes go to it on stdin, or in a file when an argument says `{wlt}`; the
 * photo comes back on stdout, or from the file an argument names `{out}`. Those files live in a
 * private directory on tmpfs (/dev/shm) for the command's run only.
 *
 * What comes back is untrusted: it must be a JPEG or an uncompressed BMP that decodes completely,
 * of a plausible size for a card photo (real ones are 102 × 126), within `maxOutputBytes`. Anything
 * else — a timeout, a non-zero exit, garbage — is "no photo": the face check is not offered for
 * that card, and the reason (never the bytes) goes to `onFailure`.
 */
export type PhotoDecodeFailure = PluginFailure | 'not-an-image' | 'implausible-size';

export interface CommandPhotoDecoderOptions extends PluginCommand {
  onFailure?: (reason: PhotoDecodeFailure) => void;
  /** where the {wlt}/{out} files go: tmpfs when the machine has one */
  scratchDir?: string;
}

/** a card photo is 102 × 126; allow a vendor's upscaled copy, refuse thumbnails and posters */
const minSide = 48;
const maxSide = 1200;

export function defaultScratchDir(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

export function createCommandPhotoDecoder(options: CommandPhotoDecoderOptions): PhotoDecoder {
  const onFailure = options.onFailure ?? (() => undefined);
  const usesInputFile = options.args.some((arg) => arg.includes('{wlt}'));
  const usesOutputFile = options.args.some((arg) => arg.includes('{out}'));

  async function run(wlt: Uint8Array): Promise<Buffer> {
    if (!usesInputFile && !usesOutputFile) return runPluginCommand(options, options.args, wlt);
    const dir = await mkdtemp(join(options.scratchDir ?? defaultScratchDir(), 'tongban-wlt-'));
    const input = join(dir, 'photo.wlt');
    const output = join(dir, 'photo.out');
    try {
      if (usesInputFile) await writeFile(input, wlt, { mode: 0o600 });
      const args = options.args.map((arg) => arg.replaceAll('{wlt}', input).replaceAll('{out}', output));
      const stdout = await runPluginCommand(options, args, usesInputFile ? null : wlt);
      if (!usesOutputFile) return stdout;
      stdout.fill(0);
      const written = await stat(output).catch(() => null);
      if (!written) throw new PluginCommandError('failed', `${options.command} wrote no photo`);
      if (written.size > options.maxOutputBytes)
        throw new PluginCommandError('too-large', `${options.command} wrote more than ${options.maxOutputBytes} bytes`);
      return await readFile(output);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    async decode(wlt) {
      let bytes: Buffer;
      try {
        bytes = await run(wlt);
      } catch (error) {
        onFailure(error instanceof PluginCommandError ? error.reason : 'failed');
        return null;
      }
      try {
        const photo = await validatedPhoto(bytes);
        if (typeof photo === 'string') {
          onFailure(photo);
          return null;
        }
        return photo;
      } finally {
        bytes.fill(0);
      }
    },
  };
}

/** The decoded photo as the face engine takes it (JPEG, or PNG from a BMP), or why it is refused. */
export async function validatedPhoto(bytes: Uint8Array): Promise<DecodedPhoto | 'not-an-image' | 'implausible-size'> {
  const sharp = await loadSharp();
  const plausible = (width: number, height: number) => width >= minSide && height >= minSide && width <= maxSide && height <= maxSide;
  if (isBmp(bytes)) {
    const image = readBmp(bytes, { maxSide });
    if (!image) return 'not-an-image';
    try {
      if (!plausible(image.width, image.height)) return 'implausible-size';
      const png = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
        .png()
        .toBuffer();
      return { format: 'png', bytes: new Uint8Array(png), width: image.width, height: image.height };
    } finally {
      image.rgb.fill(0);
    }
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return 'not-an-image';
  try {
    // decoded in full: a JPEG with corrupt scan data is refused here, not later in the face model
    const { data, info } = await sharp(bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
    data.fill(0);
    if (!plausible(info.width, info.height)) return 'implausible-size';
    return { format: 'jpeg', bytes: Uint8Array.from(bytes), width: info.width, height: info.height };
  } catch {
    return 'not-an-image';
  }
}
