import { describe, expect, it } from 'vitest';
import { extendStroke, inkLength, isSigned, minimumInkLength, type Stroke } from './strokes.ts';

const pad = { width: 800, height: 300 };

function draw(points: [number, number][]): Stroke {
  return points.reduce<Stroke>((stroke, [x, y]) => extendStroke(stroke, { x, y }, pad), []);
}

describe('signature strokes', () => {
  it('a tap or a short brush is not a signature', () => {
    expect(isSigned([draw([[10, 10]])])).toBe(false);
    expect(
      isSigned([
        draw([
          [10, 10],
          [40, 10],
        ]),
      ]),
    ).toBe(false);
  });

  it('a written name (several strokes, enough ink) is', () => {
    const strokes = [
      draw([
        [10, 10],
        [90, 10],
        [90, 90],
      ]),
      draw([
        [120, 20],
        [200, 80],
      ]),
    ];
    expect(inkLength(strokes)).toBeGreaterThan(minimumInkLength);
    expect(isSigned(strokes)).toBe(true);
  });

  it('keeps every point inside the pad and drops points that do not move', () => {
    const stroke = draw([
      [10, 10],
      [10.5, 10.5],
      [-50, 900],
    ]);
    expect(stroke).toEqual([
      { x: 10, y: 10 },
      { x: 0, y: 300 },
    ]);
  });
});
