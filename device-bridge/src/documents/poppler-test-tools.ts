import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests read our PDFs with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), the same
 * library many viewers and CUPS filters use, rather than trusting our own idea of what we wrote.
 */
function withPdfFile<T>(pdf: Buffer, use: (file: string, directory: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'tongban-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file, directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFontRow[] {
  const output = withPdfFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  // two header lines, then: name type… encoding emb sub uni object ID
  return output
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const [emb, sub] = columns.slice(-5, -3);
      return { name: columns[0]!, type: columns.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const output = withPdfFile(pdf, (file) => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }));
  const info: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

export interface GrayImage {
  width: number;
  height: number;
  /** 0 black … 255 white */
  pixel(x: number, y: number): number;
}

/** Rasterizes a region of one page (coordinates in pixels at `dpi`) to 8-bit gray. */
export function rasterizeRegion(
  pdf: Buffer,
  options: { page: number; dpi: number; x: number; y: number; width: number; height: number },
): GrayImage {
  return withPdfFile(pdf, (file, directory) => {
    const prefix = join(directory, 'region');
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(options.dpi),
      '-f',
      String(options.page),
      '-l',
      String(options.page),
      '-x',
      String(options.x),
      '-y',
      String(options.y),
      '-W',
      String(options.width),
      '-H',
      String(options.height),
      '-singlefile',
      file,
      prefix,
    ]);
    return parsePgm(readFileSync(`${prefix}.pgm`));
  });
}

/** Binary PGM (P5), as pdftoppm -gray writes it. */
function parsePgm(bytes: Buffer): GrayImage {
  const fields: string[] = [];
  let offset = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset]!))) offset++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[offset]!))) field += String.fromCharCode(bytes[offset++]!);
    fields.push(field);
  }
  offset++; // the single whitespace after maxval
  const [magic, width, height] = [fields[0], Number(fields[1]), Number(fields[2])];
  if (magic !== 'P5') throw new Error(`expected a binary PGM, got ${magic}`);
  const data = bytes.subarray(offset);
  return { width, height, pixel: (x, y) => data[y * width + x]! };
}
