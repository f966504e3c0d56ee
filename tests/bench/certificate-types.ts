// Per certificate type: render time (warm median and p95) and file size, through the same renderer
// the kiosk uses, with the fixture citizen who has the richest record of that type. Plus the font
// question: how much of a render is the CJK font subset, CFF (the Noto OTF we
// ship) against a TrueType-outline CJK font (WenQuanYi Micro Hei, measured only: it is a Debian
// font, not an npm package) — same strings, same pdfkit, so only the font differs.
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CertificateType } from '../../device-bridge/src/api/index.ts';
import { buildCertificateContent } from '../../device-bridge/src/documents/index.ts';
import { cjkFontBuffer } from '../../device-bridge/src/documents/fonts.ts';
import { createEmbeddedPlatform } from '../../device-bridge/src/platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { benchCertificateRenderer, benchRendererOptions } from './bench-renderer.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

const samples = 40;
const warmUps = 5;

const richest: Record<CertificateType, string> = {
  'social-insurance-contribution': 'li-na',
  'individual-income-tax': 'zhang-wei',
  'real-estate-registration': 'ouyang-mingyuan',
  'housing-provident-fund': 'li-na',
  'household-registration': 'zhao-guilan',
};

async function timeRender(render: () => Promise<number>): Promise<{ times: number[]; bytes: number }> {
  let bytes = 0;
  for (let index = 0; index < warmUps; index++) await render();
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    bytes = await render();
    times.push(performance.now() - started);
  }
  return { times, bytes };
}

/** Draws the given strings with one font in a fresh document: the font-dependent part of a render. */
function fontOnlyRender(font: Buffer | string, family: string | undefined, strings: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks).length));
    doc.on('error', reject);
    doc.registerFont('cjk', font as Buffer, family as string);
    doc.addPage({ size: 'A4', margin: 0 });
    doc.font('cjk').fontSize(10);
    strings.forEach((text, index) => doc.text(text, 40, 40 + (index % 60) * 12, { lineBreak: false }));
    doc.end();
  });
}

export async function benchCertificateTypes(): Promise<BenchResult[]> {
  const platform = createEmbeddedPlatform({ file: ':memory:', clock: systemClock });
  const renderer = benchCertificateRenderer();
  const results: BenchResult[] = [];
  let allStrings: string[] = [];
  let counter = 0;
  for (const [type, fixture] of Object.entries(richest) as Array<[CertificateType, string]>) {
    const data = await platform.getCertificateData(type, fixtureCitizen(fixture).card);
    if (!data) throw new Error(`${fixture} has no ${type} record`);
    const { times, bytes } = await timeRender(
      async () => (await renderer.render(data, `TB20261122-${String(++counter).padStart(8, '0')}`)).pdf.length,
    );
    results.push(
      { name: `certificate-render-median:${type}`, value: round(median(times), 2), unit: 'ms', samples, target: '≤ 30 ms' },
      { name: `certificate-render-p95:${type}`, value: round(percentile(times, 95), 2), unit: 'ms', samples },
      { name: `certificate-bytes:${type}`, value: bytes, unit: 'bytes', target: '≤ 100 KB' },
    );
    const content = buildCertificateContent({
      data,
      issuer: data.issuer ?? benchRendererOptions.issuer,
      number: 'TB20261122-00000000',
      verificationCode: 'ABCDEFGHJKMNPQRS',
      verificationBaseUrl: benchRendererOptions.verificationBaseUrl,
      issuedAt: new Date(),
      validUntil: '2027-02-20',
    });
    allStrings = allStrings.concat([
      content.title,
      content.statement,
      content.validityLine,
      content.watermark,
      ...content.notes,
      ...content.facts.flat(),
      ...(content.table?.rows.flatMap((row) => row.cells) ?? []),
    ]);
  }
  platform.close();

  const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
  const cff = await timeRender(() => fontOnlyRender(cjkFontBuffer(), undefined, allStrings));
  results.push({
    name: 'cjk-font-parse-and-subset-median:noto-sans-sc-cff',
    value: round(median(cff.times), 2),
    unit: 'ms',
    samples,
    bytes: cff.bytes,
    file: '@embedpdf/fonts-sc NotoSansHans-Regular.otf',
  });
  if (existsSync(wqy)) {
    const ttf = await timeRender(() => fontOnlyRender(readFileSync(wqy), 'WenQuanYiMicroHei', allStrings));
    results.push(
      {
        name: 'cjk-font-parse-and-subset-median:wqy-microhei-truetype',
        value: round(median(ttf.times), 2),
        unit: 'ms',
        samples,
        bytes: ttf.bytes,
        file: wqy,
      },
      { name: 'cjk-font-parse-and-subset-ratio:cff-vs-truetype', value: round(median(cff.times) / median(ttf.times), 1), unit: 'x' },
    );
  }
  return results;
}
