import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { useFlattenedSubsets } from './cff-flat-subset.ts';

/**
 * The CJK font every document uses: Noto Sans Hans Regular (Source Han Sans, SIL OFL) from the npm
 * package @embedpdf/fonts-sc, so the kiosk never depends on which system fonts a host happens to
 * have. pdfkit embeds it as a subset holding only the glyphs a page uses.
 *
 * Only the Regular weight is embedded; emphasis is drawn by stroking the glyph outline as well as
 * filling it (see `emphasised` in certificate-layout.ts): each embedded font is parsed, shaped and
 * subset on its own, so a second weight would add that cost and a second font stream to every
 * document for a title and a few labels.
 */
export const cjkFontName = 'cjk-regular';

const packageName = '@embedpdf/fonts-sc';

/**
 * The Regular OTF file. The package's `exports` map does not expose `package.json`, so resolve its
 * entry point and walk up to the folder that holds its package.json.
 */
export function cjkFontFile(): string {
  const require = createRequire(import.meta.url);
  let directory = dirname(require.resolve(packageName));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the ${packageName} package folder`);
    directory = parent;
  }
  return join(directory, 'fonts', 'NotoSansHans-Regular.otf');
}

let fontBuffer: Buffer | null = null;

/** The OTF file (8 MB), read once per process: reading it per render would dominate. */
export function cjkFontBuffer(): Buffer {
  fontBuffer ??= readFileSync(cjkFontFile());
  return fontBuffer;
}

/**
 * pdfkit parses a font anew for every document (fontkit.create, then the CFF tables when the subset
 * is written): tens of milliseconds per document for this font. A parsed fontkit font is read-only
 * for pdfkit's purposes, so we parse once per process and give each new document pdfkit's own font
 * object built on it. pdfkit has no public hook for this; we use its font-family cache
 * (`_fontFamilies`, `_fontCount`) and check its shape at runtime. If a pdfkit upgrade changes it,
 * documents register the font the ordinary way: slower, same output.
 */
interface PdfkitFontInternals {
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
  _font?: { font?: unknown; constructor: new (document: unknown, font: unknown, id: string) => unknown };
}

interface SharedFont {
  embeddedFontClass: new (document: unknown, font: unknown, id: string) => unknown;
  parsed: unknown;
}

let shared: SharedFont | null | undefined;
let flattenedSubsets = false;

function parseSharedFont(): SharedFont | null {
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & PdfkitFontInternals;
  probe.font(cjkFontBuffer());
  const loaded = probe._font;
  if (!loaded?.font || typeof probe._fontCount !== 'number' || !probe._fontFamilies) return null;
  // subsets without the font's 22 293-entry subroutine index: half a certificate's render time
  flattenedSubsets = useFlattenedSubsets(loaded.font);
  return { embeddedFontClass: loaded.constructor, parsed: loaded.font };
}

/** True when documents get the once-parsed font (the fast path); a test guards it. */
export function sharedFontActive(): boolean {
  if (shared === undefined) shared = parseSharedFont();
  return shared !== null;
}

/** True when documents embed the font with flattened charstrings (cff-flat-subset.ts); a test guards it. */
export function flattenedSubsetsActive(): boolean {
  return sharedFontActive() && flattenedSubsets;
}

/** Makes `cjkFontName` selectable in a new document. */
export function installCjkFont(doc: PDFKit.PDFDocument): void {
  if (sharedFontActive() && shared) {
    const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _fontCount: number };
    // the id (F1 …) is allocated exactly as pdfkit would, so the output matches the ordinary path
    internals._fontFamilies[cjkFontName] = new shared.embeddedFontClass(doc, shared.parsed, `F${++internals._fontCount}`);
    return;
  }
  doc.registerFont(cjkFontName, cjkFontBuffer());
}

const glyphCache = new Map<number, boolean>();

/**
 * Whether the embedded CJK font can draw this code point. Noto Sans SC covers GB 18030's BMP and
 * Extension A, but not most of Extension B, where some surnames on ID cards live (e.g. 𠇔).
 */
export function fontHasGlyph(codePoint: number): boolean {
  const known = glyphCache.get(codePoint);
  if (known !== undefined) return known;
  sharedFontActive();
  const font = (shared?.parsed ?? null) as { hasGlyphForCodePoint?: (codePoint: number) => boolean } | null;
  // without the parsed font we cannot tell: assume it can, as before
  const has = font?.hasGlyphForCodePoint ? font.hasGlyphForCodePoint(codePoint) : true;
  glyphCache.set(codePoint, has);
  return has;
}
