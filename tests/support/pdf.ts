// Reads printed PDFs back with poppler-utils, the way a receiver's software would see them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of the PDF in reading layout (`pdftotext -layout`). */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

export interface PdfFont {
  /** e.g. ABCDEF+NotoSansSC-Regular; a subset font carries the 6-letter tag */
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The font table of `pdffonts`, one entry per font object. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return parsePdfFonts(stdout);
}

/**
 * pdffonts prints padded columns, but a long font name overflows its column and shifts the rest,
 * so each row is read from both ends: the name first, then encoding, emb, sub, uni, object id and
 * generation last; what is left in between is the type ("CID TrueType" has a space).
 */
export function parsePdfFonts(output: string): PdfFont[] {
  const lines = output.split('\n');
  const ruleIndex = lines.findIndex((line) => /^-+( -+)+\s*$/.test(line));
  if (ruleIndex < 0) throw new Error(`unexpected pdffonts output:\n${output}`);
  return lines
    .slice(ruleIndex + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const tokens = line.trim().split(/\s+/);
      const fromEnd = (offset: number) => tokens[tokens.length - offset] ?? '';
      if (tokens.length < 8) throw new Error(`unexpected pdffonts row: ${line}`);
      return {
        name: tokens[0] ?? '',
        type: tokens.slice(1, tokens.length - 6).join(' '),
        encoding: fromEnd(6),
        embedded: fromEnd(5) === 'yes',
        subset: fromEnd(4) === 'yes',
        unicode: fromEnd(3) === 'yes',
      };
    });
}
