import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { installCjkFont } from './fonts.ts';
import { measure, type TextStyle } from './text-style.ts';
import { wrapText } from './wrap-text.ts';

const alphabet = [...'社会保险参保缴费证明本人承诺信息真实有效（第一页）。浙江省杭州市西湖区文三路１２３号 ABCdefWi 0123456789.,;:-/'];

function newDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  installCjkFont(doc);
  return doc;
}

describe('wrapText', () => {
  it('fills every line as far as it fits and never past the width, with or without character spacing', () => {
    const doc = newDocument();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 120 }).map((chars) => chars.join('')),
        fc.constantFrom(8, 10, 12),
        fc.constantFrom(0, 0.5, 2),
        fc.double({ min: 60, max: 420, noNaN: true }),
        (text, size, characterSpacing, width) => {
          const style: TextStyle = { size, color: '#000', characterSpacing };
          const lines = wrapText(doc, text, style, width);
          // nothing is lost but the spaces a break swallows
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
          lines.forEach((line, index) => {
            const tokens = line.match(/[A-Za-z0-9.,:;()\-/_@%+#&=?]+|\s+|./gsu) ?? [];
            // a line is only over the width when it is one unbreakable character
            if (tokens.length > 1 || [...line].length > 1) expect(measure(doc, line, style)).toBeLessThanOrEqual(width + 1e-9);
            const next = lines[index + 1];
            if (next === undefined || line === '') return;
            // a line ends only where the next piece of text would not fit on it
            const nextToken = (next.match(/[A-Za-z0-9.,:;()\-/_@%+#&=?]+|./su) ?? [''])[0]!;
            if (/^[A-Za-z0-9.,:;()\-/_@%+#&=?]+$/.test(nextToken) && measure(doc, nextToken, style) > width) return;
            const gap = text.includes(line + ' ' + next) ? ' ' : '';
            expect(measure(doc, line + gap + nextToken, style)).toBeGreaterThan(width);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
