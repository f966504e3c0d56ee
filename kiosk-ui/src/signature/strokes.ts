/** A point of a finger's path, in the pad's own coordinates (CSS pixels from its top-left corner). */
export interface Point {
  x: number;
  y: number;
}
export type Stroke = readonly Point[];

/**
 * Ink shorter than this (in CSS px, all strokes together) is a tap or a brush of the hand, not a
 * signature: the citizen is asked to sign rather than a dot being accepted as consent.
 */
export const minimumInkLength = 120;

/** Points closer than this to the previous one add nothing visible and only cost memory. */
const minimumStep = 2;

export function strokeLength(stroke: Stroke): number {
  let length = 0;
  for (let index = 1; index < stroke.length; index += 1) {
    const a = stroke[index - 1]!;
    const b = stroke[index]!;
    length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

export function inkLength(strokes: readonly Stroke[]): number {
  return strokes.reduce((total, stroke) => total + strokeLength(stroke), 0);
}

export function isSigned(strokes: readonly Stroke[]): boolean {
  return inkLength(strokes) >= minimumInkLength;
}

/** Adds a point to the stroke being drawn, clamped to the pad, skipping points that do not move. */
export function extendStroke(stroke: Stroke, point: Point, size: { width: number; height: number }): Stroke {
  const clamped = { x: Math.min(Math.max(point.x, 0), size.width), y: Math.min(Math.max(point.y, 0), size.height) };
  const last = stroke[stroke.length - 1];
  if (last && Math.hypot(clamped.x - last.x, clamped.y - last.y) < minimumStep) return stroke;
  return [...stroke, clamped];
}
