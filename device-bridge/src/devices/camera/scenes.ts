import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSharp } from '../../images/load-sharp.ts';

/**
 * What a simulated camera looks at. Faces are real photographs (see sim-faces/README.md for where
 * they come from): person-a and person-b each have a "card" photo (102 × 126, what a licensed WLT
 * decoder would return) and a live view taken under different light; the stranger has a live view only.
 */
export const simulatedFaces = ['person-a', 'person-b', 'stranger'] as const;
export type SimulatedFace = (typeof simulatedFaces)[number];

export type CameraScene =
  /** a real person in front of the camera: small natural movement and sensor noise frame to frame */
  | { kind: 'face'; face: SimulatedFace }
  /** a photo held still / a frozen image fed in: every frame identical (the still-image attack) */
  | { kind: 'still-photo'; face: SimulatedFace }
  /**
   * a printed photo held up to a working camera: the same picture in every frame, no pose change,
   * but real sensor noise and light flicker, so no two frames are bit-identical
   */
  | { kind: 'printed-photo'; face: SimulatedFace }
  | { kind: 'nobody' }
  /** a page with text on the document camera's desk, a little rotated, as a citizen lays it down */
  | { kind: 'document'; title: string }
  | { kind: 'empty-desk' };

const faceDir = fileURLToPath(new URL('./sim-faces/', import.meta.url));
const imageCache = new Map<string, Buffer>();

function faceImage(name: string): Buffer {
  let image = imageCache.get(name);
  if (!image) {
    image = readFileSync(`${faceDir}${name}.jpg`);
    imageCache.set(name, image);
  }
  return image;
}

export function liveFaceImage(face: SimulatedFace): Buffer {
  return faceImage(`${face}-live`);
}

/** The card photo of a fixture person; the stranger has no card. */
export function cardFaceImage(face: Exclude<SimulatedFace, 'stranger'>): Buffer {
  return faceImage(`${face}-card`);
}

export interface RenderOptions {
  width: number;
  height: number;
  /** 0..1; frames of a live scene differ by it (movement, light, noise) */
  random: () => number;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function documentSvg(width: number, height: number, title: string, angle: number): string {
  const pageWidth = Math.round(width * 0.62);
  const pageHeight = Math.round(pageWidth * 1.414);
  const scale = Math.min(1, (height * 0.86) / pageHeight);
  const w = Math.round(pageWidth * scale);
  const h = Math.round(pageHeight * scale);
  const x = Math.round((width - w) / 2);
  const y = Math.round((height - h) / 2);
  const line = (i: number) =>
    `<rect x="${x + w * 0.1}" y="${y + h * (0.22 + i * 0.045)}" width="${w * (0.8 - (i % 3) * 0.12)}" height="${h * 0.012}" fill="#333"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#3a3f44"/>
  <g transform="rotate(${angle} ${width / 2} ${height / 2})">
    <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fbfaf6"/>
    <text x="${x + w / 2}" y="${y + h * 0.12}" font-family="sans-serif" font-size="${h * 0.045}" text-anchor="middle" fill="#111">${escapeXml(title)}</text>
    ${Array.from({ length: 13 }, (_, i) => line(i)).join('')}
    <circle cx="${x + w * 0.75}" cy="${y + h * 0.86}" r="${w * 0.09}" fill="none" stroke="#c0392b" stroke-width="${w * 0.012}"/>
  </g>
</svg>`;
}

/** Renders one JPEG frame of the scene. */
export async function renderScene(scene: CameraScene, options: RenderOptions): Promise<Buffer> {
  const { width, height, random } = options;
  const sharp = await loadSharp();
  switch (scene.kind) {
    case 'nobody':
    case 'empty-desk':
      return sharp({ create: { width, height, channels: 3, background: scene.kind === 'nobody' ? '#6d7378' : '#3a3f44' } })
        .jpeg({ quality: 80 })
        .toBuffer();
    case 'document':
      return sharp(Buffer.from(documentSvg(width, height, scene.title, 4 + (random() - 0.5) * 0.4)))
        .jpeg({ quality: 85 })
        .toBuffer();
    case 'face':
    case 'still-photo':
    case 'printed-photo': {
      const live = scene.kind === 'face';
      // A live person sways a little; a held-up photo does not. A working sensor adds noise and the
      // light flickers (a person, a printed photo); a frozen feed repeats the frame exactly.
      const noisy = scene.kind !== 'still-photo';
      const jitter = live ? (random() - 0.5) * 0.04 : 0;
      const size = Math.round(Math.min(width, height) * (0.9 + jitter));
      const face = await sharp(liveFaceImage(scene.face)).resize(size, size, { fit: 'cover' }).toBuffer();
      const left = Math.round((width - size) / 2 + (live ? (random() - 0.5) * 12 : 0));
      const top = Math.round((height - size) / 2 + (live ? (random() - 0.5) * 8 : 0));
      const frame = sharp({ create: { width, height, channels: 3, background: '#808080' } }).composite([
        { input: face, left: Math.max(0, left), top: Math.max(0, top) },
      ]);
      const composed = await frame.raw().toBuffer({ resolveWithObject: true });
      if (noisy) {
        const { data } = composed;
        const gain = 1 + (random() - 0.5) * 0.04;
        for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! * gain + (random() - 0.5) * 6));
      }
      return sharp(composed.data, { raw: composed.info }).jpeg({ quality: 85 }).toBuffer();
    }
  }
}
