// Looks through whole files (SQLite databases and their WAL, logs, temp files, a browser profile)
// for anything face-related a session may have left: an image, an image in base64, or the bytes of
// one of the fixture photos the simulated camera and the card photo decoder use.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.ts';

export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

interface Needle {
  what: string;
  bytes: Buffer;
}

/** JPEG SOI followed by the markers encoders put first (DQT, APPn, SOF, DHT, COM) */
const jpegStarts = [0xdb, 0xe0, 0xe1, 0xe2, 0xee, 0xc0, 0xc2, 0xc4, 0xfe].map((marker) => ({
  what: 'a JPEG image',
  bytes: Buffer.from([0xff, 0xd8, 0xff, marker]),
}));
const imageSignatures: Needle[] = [
  ...jpegStarts,
  { what: 'a PNG image', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG in base64', bytes: Buffer.from('/9j/') },
  { what: 'a PNG in base64', bytes: Buffer.from('iVBORw0KGgo') },
];

const photoDirs = [join(repoRoot, 'device-bridge/src/devices/camera/sim-faces'), join(repoRoot, 'tests/fixtures/faces')];

/** three 32-byte slices out of the compressed data of every fixture photo, raw and in base64 */
function fixturePhotoNeedles(): Needle[] {
  return photoDirs.flatMap((dir) =>
    filesUnder(dir)
      .filter((file) => file.endsWith('.jpg'))
      .flatMap((file) => {
        const bytes = readFileSync(file);
        return [0.3, 0.5, 0.7].flatMap((at) => {
          // base64 lines up every 3 bytes: start the slice on a multiple of 3
          const start = Math.floor((bytes.length * at) / 3) * 3;
          const slice = bytes.subarray(start, start + 32);
          return [
            { what: `bytes of ${file.slice(repoRoot.length + 1)}`, bytes: slice },
            { what: `bytes of ${file.slice(repoRoot.length + 1)} in base64`, bytes: Buffer.from(slice.subarray(0, 30).toString('base64')) },
          ];
        });
      }),
  );
}

/**
 * What in these files looks like face data, as "file: what" lines (empty: nothing found).
 * `imageSignatures: false` looks only for the fixture photos, for places (a browser profile) that
 * hold unrelated images of their own.
 */
export function faceDataIn(files: readonly string[], options: { imageSignatures?: boolean } = {}): string[] {
  const needles = [...(options.imageSignatures === false ? [] : imageSignatures), ...fixturePhotoNeedles()];
  const findings: string[] = [];
  for (const file of files) {
    if (!statSync(file).isFile()) continue;
    const content = readFileSync(file);
    for (const needle of needles) if (content.includes(needle.bytes)) findings.push(`${file}: ${needle.what}`);
  }
  return findings;
}
