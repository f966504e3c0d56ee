import type { FaceHint } from '../api/face.ts';
import type { FaceObservation } from './face-engine.ts';

/**
 * What to tell the person in front of the face camera, from one detection (pure). Checked in the
 * order a person can fix them: be there, be at the right distance, be in the middle, face the
 * camera, have enough light.
 */
export function guidanceFor(face: FaceObservation | null): FaceHint {
  if (!face) return 'no-face';
  const [x, y, width, height] = face.box;
  const share = width / face.imageWidth;
  if (share < 0.22) return 'move-closer';
  if (share > 0.85 || height / face.imageHeight > 0.95) return 'move-back';
  const offsetX = Math.abs(x + width / 2 - face.imageWidth / 2) / face.imageWidth;
  const offsetY = Math.abs(y + height / 2 - face.imageHeight / 2) / face.imageHeight;
  if (offsetX > 0.2 || offsetY > 0.25) return 'center';
  if (Math.abs(face.yaw) > 0.35 || Math.abs(face.pitch) > 0.35) return 'look-at-camera';
  if (face.brightness < 55) return 'more-light';
  return 'ready';
}

/**
 * Mean absolute difference between consecutive 32 × 32 face thumbnails. A person in front of a
 * camera never produces identical frames (sensor noise, breathing, blinking); a frozen or injected
 * still image does. Catches still-image replay only — not a printed photo moved by hand.
 */
export function faceMotion(thumbnails: readonly Uint8Array[]): number {
  if (thumbnails.length < 2) return 0;
  let total = 0;
  for (let i = 1; i < thumbnails.length; i++) {
    const a = thumbnails[i - 1]!;
    const b = thumbnails[i]!;
    let sum = 0;
    for (let p = 0; p < a.length; p++) sum += Math.abs(a[p]! - b[p]!);
    total += sum / a.length;
  }
  return total / (thumbnails.length - 1);
}

/** Below this mean difference (grey levels) the frames count as one still image. */
export const stillImageMotion = 0.5;
