// Document capture: a 5 MP still → found, straightened, cropped, ≤ 500 KB page, against
// the alternative a team would ship first — the whole frame re-encoded, no page finding.
import sharp from 'sharp';
import { processPage } from '../../device-bridge/src/capture/process-page.ts';
import { pagesToPdf } from '../../device-bridge/src/capture/pages-pdf.ts';
import { renderScene } from '../../device-bridge/src/devices/camera/scenes.ts';
import { median, round, type BenchResult } from './stats.ts';

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

export async function benchCamera(): Promise<BenchResult[]> {
  const still = await renderScene({ kind: 'document', title: 'Residence certificate' }, { width: 2592, height: 1944, random: () => 0.5 });
  await processPage(still);
  const ours: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const [ms, page] = await time(() => processPage(still));
    ours.push(ms);
    bytes = page.jpeg.length;
  }
  const plain: number[] = [];
  let plainBytes = 0;
  for (let i = 0; i < 10; i++) {
    const [ms, jpeg] = await time(() => sharp(still).resize(2480, 2480, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer());
    plain.push(ms);
    plainBytes = jpeg.length;
  }
  const page = await processPage(still);
  const [pdfMs, pdf] = await time(() => pagesToPdf([page, page, page], 'bench'));
  return [
    {
      name: 'document-page-process',
      value: round(median(ours), 0),
      unit: 'ms',
      still: '2592x1944',
      pageBytes: bytes,
      samples: ours.length,
      note: 'find sheet, straighten, crop, JPEG ≤ 500 KB',
    },
    {
      name: 'document-page-plain-reencode',
      value: round(median(plain), 0),
      unit: 'ms',
      pageBytes: plainBytes,
      samples: plain.length,
      note: 'whole frame, no crop (the simple alternative)',
    },
    { name: 'document-page-process-vs-plain', value: round(median(ours) / median(plain), 2), unit: 'x' },
    { name: 'document-pdf-3-pages', value: round(pdfMs, 0), unit: 'ms', pdfBytes: pdf.length },
  ];
}
