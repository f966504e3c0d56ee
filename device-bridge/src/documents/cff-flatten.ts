/**
 * Inlines the subroutine calls of a CFF Type 2 charstring ("desubroutinising", as fontTools does), so
 * a font subset needs no subroutine indexes at all.
 *
 * Why: fontkit keeps a subset's subroutine numbering by writing every subroutine of the original
 * font, the unused ones as one-byte stubs. Noto Sans SC's Han glyphs share a local index of 22 293
 * subroutines, so every certificate carried, encoded and compressed that whole index: about half of
 * its render time. A flattened glyph is self-contained; the few hundred glyphs of a certificate grow a
 * little and the indexes go.
 *
 * Only what fonts in the wild use is handled (the Type 2 spec, Adobe TN 5177): numbers, path and hint
 * operators, hintmask/cntrmask with their mask bytes, the flex operators, callsubr/callgsubr/return
 * and endchar. Anything else (the deprecated arithmetic and storage operators, a subroutine number
 * that is not a plain integer) throws CharstringFlattenError and the caller keeps fontkit's subsetting.
 */
export class CharstringFlattenError extends Error {}

/** One subroutine index: how many entries it has (for the bias) and how to read entry `index`. */
export interface SubroutineSource {
  readonly count: number;
  read(index: number): Uint8Array;
}

/** Type 2 charstrings: a subroutine number is stored minus this bias (TN 5177 §4.7). */
export function subroutineBias(count: number): number {
  if (count < 1240) return 107;
  if (count < 33900) return 1131;
  return 32768;
}

/** The spec's limit on subroutine nesting. */
const maxNesting = 10;

const op = {
  hstem: 1,
  vstem: 3,
  callsubr: 10,
  return: 11,
  escape: 12,
  endchar: 14,
  hstemhm: 18,
  hintmask: 19,
  cntrmask: 20,
  vstemhm: 23,
  shortint: 28,
  callgsubr: 29,
} as const;

/** One-byte operators that just take their operands and clear the stack (path construction). */
const plainOperators = new Set([4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31]);
/** Two-byte operators 12 34…37: hflex, flex, hflex1, flex1. */
const flexOperators = new Set([34, 35, 36, 37]);

class GrowingBytes {
  bytes = new Uint8Array(512);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  push(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  copy(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    if (end - start === 1) this.bytes[this.length] = source[start]!;
    else this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** What one flattening carries through nested subroutines (no closures: this runs per glyph per document). */
interface FlattenState {
  out: GrowingBytes;
  /** the operand stack, as positions in `out` (to drop a subroutine number) and integer values (null: fixed) */
  operandStarts: number[];
  operandValues: Array<number | null>;
  stems: number;
  ended: boolean;
  globals: SubroutineSource;
  locals: SubroutineSource | null;
}

/** The flattened charstring: same drawing, same hints, no subroutine calls. */
export function flattenCharstring(charstring: Uint8Array, globals: SubroutineSource, locals: SubroutineSource | null): Uint8Array {
  const state: FlattenState = { out: new GrowingBytes(), operandStarts: [], operandValues: [], stems: 0, ended: false, globals, locals };
  run(state, charstring, 0);
  return state.out.result();
}

function clearStack(state: FlattenState): void {
  state.operandStarts.length = 0;
  state.operandValues.length = 0;
}

function run(state: FlattenState, code: Uint8Array, depth: number): void {
  if (depth > maxNesting) throw new CharstringFlattenError(`subroutines nested deeper than ${maxNesting}`);
  const { out } = state;
  let at = 0;
  while (at < code.length) {
    const b0 = code[at]!;
    if (b0 >= 32 || b0 === op.shortint) {
      const size = operandSize(b0);
      if (at + size > code.length) throw new CharstringFlattenError('a number runs past the charstring');
      state.operandStarts.push(out.length);
      state.operandValues.push(operandValue(code, at));
      out.copy(code, at, at + size);
      at += size;
      continue;
    }
    if (b0 === op.callsubr || b0 === op.callgsubr) {
      const value = state.operandValues.pop();
      const start = state.operandStarts.pop();
      if (value === undefined || value === null || start === undefined) {
        throw new CharstringFlattenError('a subroutine call without an integer subroutine number');
      }
      out.length = start;
      const source = b0 === op.callsubr ? state.locals : state.globals;
      if (!source) throw new CharstringFlattenError('callsubr in a font without local subroutines');
      const index = value + subroutineBias(source.count);
      if (index < 0 || index >= source.count) throw new CharstringFlattenError(`subroutine ${index} does not exist`);
      run(state, source.read(index), depth + 1);
      if (state.ended) return;
      at += 1;
      continue;
    }
    if (b0 === op.return) return;
    if (b0 === op.endchar) {
      out.push(b0);
      state.ended = true;
      return;
    }
    if (b0 === op.hstem || b0 === op.vstem || b0 === op.hstemhm || b0 === op.vstemhm) {
      // an odd count means the first operand is the glyph's width
      state.stems += state.operandValues.length >> 1;
      clearStack(state);
      out.push(b0);
      at += 1;
      continue;
    }
    if (b0 === op.hintmask || b0 === op.cntrmask) {
      // operands before a hintmask are an implicit vstemhm
      state.stems += state.operandValues.length >> 1;
      clearStack(state);
      const maskBytes = (state.stems + 7) >> 3;
      if (at + 1 + maskBytes > code.length) throw new CharstringFlattenError('a hint mask runs past the charstring');
      out.copy(code, at, at + 1 + maskBytes);
      at += 1 + maskBytes;
      continue;
    }
    if (b0 === op.escape) {
      const b1 = code[at + 1];
      if (b1 === undefined || !flexOperators.has(b1)) throw new CharstringFlattenError(`operator 12 ${b1} is not handled`);
      clearStack(state);
      out.push(b0);
      out.push(b1);
      at += 2;
      continue;
    }
    if (!plainOperators.has(b0)) throw new CharstringFlattenError(`operator ${b0} is not handled`);
    clearStack(state);
    out.push(b0);
    at += 1;
  }
}

/** Bytes of the Type 2 number starting with `b0`. */
function operandSize(b0: number): number {
  if (b0 === op.shortint) return 3;
  if (b0 <= 246) return 1;
  if (b0 <= 254) return 2;
  return 5;
}

/** Its integer value; null for a 16.16 fixed number (never a subroutine number). */
function operandValue(code: Uint8Array, at: number): number | null {
  const b0 = code[at]!;
  if (b0 === op.shortint) return ((code[at + 1]! << 24) >> 16) | code[at + 2]!;
  if (b0 <= 246) return b0 - 139;
  if (b0 <= 250) return (b0 - 247) * 256 + code[at + 1]! + 108;
  if (b0 <= 254) return -(b0 - 251) * 256 - code[at + 1]! - 108;
  return null;
}
