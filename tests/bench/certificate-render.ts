// Certificate rendering: our pdfkit renderer against the alternative a team would reach for —
// the same page as HTML printed by Chromium's page.pdf() (how vxsuite makes its documents).
// Both render the same content with the same font file, warm, in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import QRCode from 'qrcode';
import { buildCertificateContent, cjkFontFile, type CertificateContent } from '../../device-bridge/src/documents/index.ts';
import { createEmbeddedPlatform } from '../../device-bridge/src/platform/embedded/embedded-platform.ts';
import { fixtureCitizens } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import type { CertificateData } from '../../device-bridge/src/platform/platform.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { launchChromium } from '../support/browser.ts';
import { benchCertificateRenderer, benchRendererOptions } from './bench-renderer.ts';
import { median, round, type BenchResult } from './stats.ts';

const pdfkitSamples = 60;
const chromiumSamples = 20;
const warmUps = 5;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let cells = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (modules.get(y, x)) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
  }
  return `<svg viewBox="-2 -2 ${size + 4} ${size + 4}" width="96" height="96">${cells}</svg>`;
}

function sealSvg(issuer: string): string {
  const chars = [...issuer];
  const letters = chars
    .map((char, i) => {
      const angle = -150 + (i * 300) / Math.max(1, chars.length - 1);
      return `<text transform="rotate(${angle} 60 60) translate(60 16)" text-anchor="middle" font-size="11">${escape(char)}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 120 120" width="120" height="120" fill="#c8161d" opacity="0.85">
    <circle cx="60" cy="60" r="56" fill="none" stroke="#c8161d" stroke-width="3"/>
    <polygon points="60,38 66,54 83,54 69,64 74,81 60,71 46,81 51,64 37,54 54,54"/>${letters}
    <text x="60" y="98" text-anchor="middle" font-size="9">证明专用章</text></svg>`;
}

/** The PDF's watermark is 11 diagonal lines of the purpose text, each repeated across the page. */
function watermarkLines(text: string): string {
  const line = Array(4).fill(escape(text)).join('&emsp;&emsp;');
  return Array.from({ length: 11 }, (_, i) => `<div style="margin-left:${i % 2 ? 8 : 0}em">${line}</div>`).join('');
}

/** The same page as the PDF layout: every string from the same CertificateContent. */
function certificateHtml(content: CertificateContent, fontUrl: string): string {
  const table = content.table;
  const rows = (table?.rows ?? [])
    .map(
      (row) =>
        `<tr>${row.cells.map((cell, i) => `<td class="${table!.columns[i]!.align === 'right' ? 'n' : ''}">${escape(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  const factPairs: string[] = [];
  for (let i = 0; i < content.facts.length; i += 2) {
    const pair = content.facts.slice(i, i + 2);
    factPairs.push(`<tr>${pair.map(([label, value]) => `<td>${escape(label)}</td><td>${escape(value)}</td>`).join('')}</tr>`);
  }
  const total = table?.total
    ? `<tr><th colspan="2">${escape(table.total[0]!)}</th>${table.total
        .slice(2)
        .map((cell) => `<th class="n">${escape(cell)}</th>`)
        .join('')}</tr>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  @font-face { font-family: Cert; src: url("${fontUrl}"); }
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: Cert; font-size: 10pt; color: #111; position: relative; }
  .top { display: flex; justify-content: space-between; font-size: 8pt; color: #444; }
  h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 10pt 0 14pt; }
  table { width: 100%; border-collapse: collapse; }
  td, th { border: 0.6pt solid #333; padding: 3pt 5pt; font-size: 9pt; }
  th { background: #eee; } .n { text-align: right; }
  .head td:nth-child(odd) { background: #f2f2f2; font-weight: bold; width: 16%; }
  .notes { font-size: 8pt; color: #333; margin-top: 10pt; }
  .foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 28pt; }
  .code { font-size: 13pt; font-weight: bold; letter-spacing: 1pt; }
  .validity { border-top: 0.5pt solid #999; margin-top: 24pt; padding-top: 6pt; font-size: 8pt; text-align: center; }
  .watermark { position: fixed; top: -20%; left: -60%; width: 220%; transform: rotate(-32deg); font-size: 18pt; line-height: 90pt; color: rgba(122,122,122,0.09); white-space: nowrap; }
  </style></head><body>
  <div class="watermark">${watermarkLines(content.watermark)}</div>
  <div class="top"><span>${escape(content.systemLine)}</span><span>证明编号：${content.number}</span></div>
  <h1>${escape(content.title)}</h1>
  <table class="head">${factPairs.join('')}</table>
  <p>${escape(content.statement)}</p><p style="text-align:right;font-size:8pt">${table?.unit ?? ''}</p>
  ${table ? `<table><thead><tr>${table.columns.map((c) => `<th>${escape(c.title)}</th>`).join('')}</tr></thead>${rows}${total}</table>` : ''}
  <p>${content.closing}</p>
  <div class="notes">${content.notes.map((note, i) => `<div>${i + 1}. ${escape(note)}</div>`).join('')}</div>
  <div class="foot"><div>${qrSvg(content.qrText)}<div>证明编号 ${content.number}</div><div>核验码</div><div class="code">${content.verificationCodeGrouped}</div></div>
  <div style="text-align:center">${sealSvg(content.issuer)}<div>${escape(content.issuer)}</div><div>${content.issueDate}</div></div></div>
  <div class="validity">${escape(content.validityLine)}</div>
  </body></html>`;
}

async function certificateData(): Promise<CertificateData> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-platform-'));
  const platform = createEmbeddedPlatform({ file: join(dir, 'platform.db'), clock: systemClock });
  const card = fixtureCitizens.find((fixture) => fixture.id === 'zhang-wei')!.card;
  const data = await platform.getCertificateData('social-insurance-contribution', card);
  platform.close();
  if (!data) throw new Error('the embedded platform has no record for zhang-wei');
  return data;
}

const numberFor = (i: number) => `SB20261122-${String(i).padStart(8, '0')}`;

export async function benchCertificateRender(): Promise<BenchResult[]> {
  const data = await certificateData();
  const options = benchRendererOptions;
  const renderer = benchCertificateRenderer();

  for (let i = 0; i < warmUps; i++) await renderer.render(data, numberFor(i));
  const pdfkitTimes: number[] = [];
  let pdfBytes = 0;
  let pdfkitPages = 0;
  for (let i = 0; i < pdfkitSamples; i++) {
    const started = performance.now();
    const rendered = await renderer.render(data, numberFor(100 + i));
    pdfkitTimes.push(performance.now() - started);
    pdfBytes = rendered.pdf.length;
    pdfkitPages = rendered.pages;
  }

  const browser = await launchChromium();
  const chromiumTimes: number[] = [];
  let chromiumBytes = 0;
  let chromiumPages = 0;
  try {
    const page = await browser.newPage();
    // Give the page a file:// origin so the HTML can load the same OTF file the PDF embeds.
    const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-html-'));
    const blank = join(dir, 'blank.html');
    writeFileSync(blank, '<!doctype html><title>bench</title>');
    await page.goto(pathToFileURL(blank).href);
    const fontUrl = pathToFileURL(cjkFontFile()).href;
    const htmlFor = (i: number) =>
      certificateHtml(
        buildCertificateContent({
          data,
          issuer: options.issuer,
          number: numberFor(i),
          verificationCode: 'ABCDEFGHJKMNPQRS',
          verificationBaseUrl: options.verificationBaseUrl,
          issuedAt: new Date(),
          validUntil: '2027-02-20',
        }),
        fontUrl,
      );
    for (let i = 0; i < chromiumSamples + warmUps; i++) {
      const html = htmlFor(1000 + i);
      const started = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      if (i >= warmUps) chromiumTimes.push(performance.now() - started);
      chromiumBytes = pdf.length;
      // both sides must print the same single page for the comparison to be fair
      chromiumPages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    }
  } finally {
    await browser.close();
  }

  const pdfkitMedian = median(pdfkitTimes);
  const chromiumMedian = median(chromiumTimes);
  return [
    { name: 'certificate-pdf-render-median', value: round(pdfkitMedian, 2), unit: 'ms', samples: pdfkitSamples, renderer: 'pdfkit' },
    {
      name: 'certificate-pdf-chromium-median',
      value: round(chromiumMedian, 2),
      unit: 'ms',
      samples: chromiumSamples,
      renderer: 'chromium page.pdf()',
    },
    {
      name: 'certificate-pdf-speedup',
      value: round(chromiumMedian / pdfkitMedian, 1),
      unit: 'x',
      comparedWith: 'chromium page.pdf() of the same page',
    },
    { name: 'certificate-pdf-bytes', value: pdfBytes, unit: 'bytes', chromiumBytes, pdfkitPages, chromiumPages },
  ];
}
