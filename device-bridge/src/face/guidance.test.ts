import { describe, expect, it } from 'vitest';
import type { FaceObservation } from './face-engine.ts';
import { faceMotion, guidanceFor, stillImageMotion } from './guidance.ts';

function face(overrides: Partial<FaceObservation> = {}): FaceObservation {
  return {
    box: [220, 140, 200, 220],
    imageWidth: 640,
    imageHeight: 480,
    detectorScore: 0.99,
    yaw: 0,
    pitch: 0,
    brightness: 120,
    thumbnail: new Uint8Array(1024),
    ...overrides,
  };
}

describe('face guidance', () => {
  it('tells the person the first thing to fix, in the order they can fix it', () => {
    expect(guidanceFor(null)).toBe('no-face');
    expect(guidanceFor(face({ box: [300, 200, 80, 90] }))).toBe('move-closer');
    expect(guidanceFor(face({ box: [10, 0, 620, 470] }))).toBe('move-back');
    expect(guidanceFor(face({ box: [20, 140, 200, 220] }))).toBe('center');
    expect(guidanceFor(face({ yaw: 0.6 }))).toBe('look-at-camera');
    expect(guidanceFor(face({ brightness: 30 }))).toBe('more-light');
    expect(guidanceFor(face())).toBe('ready');
  });

  it('measures no motion between identical frames and some between a live person’s frames', () => {
    const a = new Uint8Array(1024).fill(100);
    const b = a.map((value, i) => value + ((i * 7) % 5) - 2);
    expect(faceMotion([a, a, a])).toBe(0);
    expect(faceMotion([a, b, a])).toBeGreaterThan(stillImageMotion);
    expect(faceMotion([a])).toBe(0);
  });
});
