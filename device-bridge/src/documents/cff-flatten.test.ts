import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { CharstringFlattenError, flattenCharstring, subroutineBias, type SubroutineSource } from './cff-flatten.ts';
import { cjkFontBuffer, flattenedSubsetsActive, installCjkFont, cjkFontName } from './fonts.ts';
import { pdfFonts, rasterizeRegion } from './poppler-test-tools.ts';

/** A subroutine index of `count` entries, the given ones filled in, the rest a bare `return`. */
function index(count: number, entries: Record<number, number[]>): SubroutineSource {
  return { count, read: (i) => Uint8Array.from(entries[i] ?? [11]) };
}

/** Type 2 encoding of a small integer (-107…107). */
const n = (value: number) => value + 139;
const none = index(0, {});

describe('flattenCharstring', () => {
  it('replaces a local and a global subroutine call by their bodies, minus the number and the return', () => {
    const bias = subroutineBias(3); // 107
    const locals = index(3, { [1]: [n(10), n(20), 5, 11] }); // 10 20 rlineto return
    const globals = index(3, { [2]: [n(-5), 6, 11] }); // -5 hlineto return
    const glyph = [n(1), n(2), 21, n(1 - bias), 10, n(2 - bias), 29, 14]; // rmoveto, callsubr, callgsubr, endchar
    expect([...flattenCharstring(Uint8Array.from(glyph), globals, locals)]).toEqual([n(1), n(2), 21, n(10), n(20), 5, n(-5), 6, 14]);
  });

  it('keeps operands pushed before a call for the subroutine to use, and follows nested calls', () => {
    const bias = subroutineBias(2);
    const locals = index(2, { [0]: [n(1 - bias), 10, 11], [1]: [5, 11] }); // subr 0 calls subr 1 (rlineto)
    const glyph = [n(7), n(8), n(0 - bias), 10, 14];
    expect([...flattenCharstring(Uint8Array.from(glyph), none, locals)]).toEqual([n(7), n(8), 5, 14]);
  });

  it('stops at an endchar inside a subroutine', () => {
    const bias = subroutineBias(1);
    const locals = index(1, { [0]: [n(3), 6, 14] });
    const glyph = [n(0 - bias), 10, n(9), 6, 14];
    expect([...flattenCharstring(Uint8Array.from(glyph), none, locals)]).toEqual([n(3), 6, 14]);
  });

  it('copies a hint mask sized by every stem declared so far, including stems inside subroutines', () => {
    const bias = subroutineBias(1);
    // a subroutine declaring 5 hstems (10 operands), then 4 implicit vstems before the hintmask: 9 stems → 2 mask bytes
    const locals = index(1, { [0]: [...Array(10).fill(n(1)), 18, 11] });
    const glyph = [n(0 - bias), 10, ...Array(8).fill(n(2)), 19, 0xff, 0x80, n(4), 6, 14];
    expect([...flattenCharstring(Uint8Array.from(glyph), none, locals)]).toEqual([
      ...Array(10).fill(n(1)),
      18,
      ...Array(8).fill(n(2)),
      19,
      0xff,
      0x80,
      n(4),
      6,
      14,
    ]);
  });

  it('reads the two- and three-byte number forms for subroutine numbers (large indexes have a large bias)', () => {
    const count = 2000; // bias 1131
    const locals = index(count, { [1500]: [n(1), 6, 11] });
    const number = 1500 - subroutineBias(count); // 369: the 247…250 two-byte form
    const twoByte = [247 + ((number - 108) >> 8), (number - 108) & 0xff];
    expect([...flattenCharstring(Uint8Array.from([...twoByte, 10, 14]), none, locals)]).toEqual([n(1), 6, 14]);
    const shortInt = [28, (number >> 8) & 0xff, number & 0xff];
    expect([...flattenCharstring(Uint8Array.from([...shortInt, 10, 14]), none, locals)]).toEqual([n(1), 6, 14]);
  });

  it('refuses what it does not handle, so the caller keeps the ordinary subset', () => {
    const locals = index(1, {});
    expect(() => flattenCharstring(Uint8Array.from([n(1), n(2), 12, 10, 14]), none, locals)).toThrow(CharstringFlattenError); // 12 10: add
    expect(() => flattenCharstring(Uint8Array.from([n(50), 10, 14]), none, locals)).toThrow(CharstringFlattenError); // no such subr
    expect(() => flattenCharstring(Uint8Array.from([10, 14]), none, locals)).toThrow(CharstringFlattenError); // no number
    expect(() => flattenCharstring(Uint8Array.from([255, 0, 1, 0, 0, 10, 14]), none, locals)).toThrow(CharstringFlattenError); // fixed
    const selfCalling = index(1, { [0]: [n(0 - subroutineBias(1)), 10, 11] });
    expect(() => flattenCharstring(Uint8Array.from([n(0 - subroutineBias(1)), 10, 14]), none, selfCalling)).toThrow(/nested/);
  });
});

/** Characters spread over the whole font: every Han block, punctuation, Latin, digits. */
function sampleCharacters(): string[] {
  const probe = new PDFDocument({ autoFirstPage: false });
  const font = (probe.font(cjkFontBuffer()) as unknown as { _font: { font: { characterSet: number[] } } })._font.font;
  const codePoints = font.characterSet.filter((code) => code > 0x20);
  return codePoints.filter((_, i) => i % 9 === 0).map((code) => String.fromCodePoint(code));
}

function renderGrid(characters: string[], install: (doc: PDFKit.PDFDocument) => string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    const family = install(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const perRow = 40;
    const perPage = perRow * 60;
    characters.forEach((character, i) => {
      if (i % perPage === 0) doc.addPage({ size: 'A4', margin: 0 });
      const cell = i % perPage;
      doc
        .font(family)
        .fontSize(12)
        .text(character, 12 + (cell % perRow) * 14.3, 12 + Math.floor(cell / perRow) * 13.6, { lineBreak: false });
    });
    doc.end();
  });
}

describe('flattened CJK font subsets', () => {
  it('draw every glyph exactly as fontkit’s own subset does, in a fraction of the size', async () => {
    expect(flattenedSubsetsActive()).toBe(true);
    const characters = sampleCharacters();
    expect(characters.length).toBeGreaterThan(2500);
    const flattened = await renderGrid(characters, (doc) => {
      installCjkFont(doc);
      return cjkFontName;
    });
    const ordinary = await renderGrid(characters, (doc) => {
      doc.registerFont('fontkit-subset', cjkFontBuffer());
      return 'fontkit-subset';
    });
    expect(pdfFonts(flattened).every((font) => font.embedded && font.subset)).toBe(true);
    expect(flattened.length).toBeLessThan(ordinary.length);
    const pages = Math.ceil(characters.length / 2400);
    for (let page = 1; page <= pages; page++) {
      const region = { page, dpi: 100, x: 0, y: 0, width: 827, height: 1170 };
      const mine = rasterizeRegion(flattened, region);
      const theirs = rasterizeRegion(ordinary, region);
      let differing = 0;
      let inked = 0;
      for (let y = 0; y < region.height; y++) {
        for (let x = 0; x < region.width; x++) {
          if (mine.pixel(x, y) !== theirs.pixel(x, y)) differing++;
          if (theirs.pixel(x, y) < 128) inked++;
        }
      }
      expect(inked).toBeGreaterThan(10_000);
      expect(differing).toBe(0);
    }
  }, 60_000);
});
