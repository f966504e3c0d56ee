import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../time/clock.ts';
import type { Platform } from '../platform/platform.ts';
import type { CertificateDataOf } from '../api/index.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { createCertificateRenderer, type RenderedCertificate } from './certificate-renderer.ts';
import { qrBox } from './certificate-layout.ts';
import { qrMatrix, qrQuietModules } from './draw-qr.ts';
import { sharedFontActive } from './fonts.ts';
import { pdfFonts, pdfInfo, pdfText, rasterizeRegion } from './poppler-test-tools.ts';

const clock: Clock = {
  now: () => new Date('2026-11-22T10:15:00+08:00'),
  setTimeout: () => {
    throw new Error('rendering should not wait');
  },
  clearTimeout: () => undefined,
};
const options = {
  issuer: '杭州市西湖区人力资源和社会保障局',
  validityDays: 30,
  verificationBaseUrl: 'https://zwfw.example.gov.cn/verify',
  key: Buffer.alloc(32, 0x42),
  clock,
};
const number = 'SB20261122-7K3Q9M2X';

/** Text as poppler extracts it, with line breaks and spaces gone, so assertions don't depend on layout. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('certificate PDF', () => {
  let platform: Platform;
  const data: Record<string, CertificateDataOf<'social-insurance-contribution'>> = {};
  let zhangWei: RenderedCertificate;

  beforeAll(async () => {
    platform = createEmbeddedPlatform({ file: ':memory:', clock });
    for (const id of ['zhang-wei', 'li-na', 'wang-xiaoyu', 'ouyang-mingyuan']) {
      data[id] = (await platform.getCertificateData('social-insurance-contribution', fixtureCitizen(id).card))!;
    }
    zhangWei = await createCertificateRenderer(options).render(data['zhang-wei']!, number);
  });
  afterAll(() => platform.close());

  it('carries the name, the masked ID number, the number, the code, the issuer and the validity line', () => {
    const text = compact(pdfText(zhangWei.pdf));
    const card = fixtureCitizen('zhang-wei').card;
    expect(text).toContain('社会保险参保缴费证明');
    expect(text).toContain(card.name);
    expect(text).toContain(`${card.idNumber.slice(0, 6)}********${card.idNumber.slice(-4)}`);
    expect(text).toContain(number);
    expect(zhangWei.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(text).toContain(zhangWei.verificationCode.match(/.{4}/g)!.join('-'));
    expect(text).toContain('杭州市西湖区人力资源和社会保障局');
    expect(text).toContain('2026年11月22日');
    expect(text).toContain('此件由杭州市西湖区人力资源和社会保障局提供，仅供办理政务服务事项使用，有效期至2026年12月22日');
  });

  it('never contains the full ID number: not in the text, not in the metadata, not in the bytes', () => {
    const full = fixtureCitizen('zhang-wei').card.idNumber;
    expect(pdfText(zhangWei.pdf)).not.toContain(full);
    expect(JSON.stringify(pdfInfo(zhangWei.pdf))).not.toContain(full);
    expect(zhangWei.pdf.includes(Buffer.from(full))).toBe(false);
    // nor the birth date digits the mask hides
    expect(compact(pdfText(zhangWei.pdf))).not.toContain(full.slice(6, 14));
  });

  it('prints every month with amounts in yuan to two decimals, the unit name, the status and the totals', () => {
    const text = compact(pdfText(zhangWei.pdf));
    for (const row of data['zhang-wei']!.rows) {
      const [year, month] = row.month.split('-');
      expect(text).toContain(`${year}年${month}月`);
    }
    expect(text).toContain('杭州市西湖区某科技有限公司');
    expect(text).toContain('12000.00');
    expect(text).toContain('1920.00');
    expect(text).toContain('960.00');
    expect(text).toContain('23040.00'); // 12 × 1920.00
    expect(text).toContain('11520.00'); // 12 × 960.00
    expect(text.match(/已缴/g)).toHaveLength(12);
  });

  it('marks an unpaid month 欠缴', async () => {
    const rendered = await createCertificateRenderer(options).render(data['li-na']!, number);
    expect(compact(pdfText(rendered.pdf)).match(/欠缴/g)!.length).toBeGreaterThanOrEqual(1);
  });

  it('shows a dash, not 0.00, as the base of a resident scheme that has none', async () => {
    const rendered = await createCertificateRenderer(options).render(data['wang-xiaoyu']!, number);
    const text = compact(pdfText(rendered.pdf));
    expect(text).toContain('城乡居民医疗保险（家庭缴费）');
    expect(text).toContain('—');
    expect(text).toContain('王小雨');
  });

  it('masks an ID number ending in X and prints a compound surname whole', async () => {
    const rendered = await createCertificateRenderer(options).render(data['ouyang-mingyuan']!, number);
    const text = compact(pdfText(rendered.pdf));
    expect(text).toContain('欧阳明远');
    expect(text).toContain('330105********105X');
    expect(rendered.preview.holderMaskedName).toBe('欧***');
  });

  it('embeds only the Noto CJK font, as a subset', () => {
    const fonts = pdfFonts(zhangWei.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansHans-/);
      expect(font.embedded).toBe(true);
      expect(font.subset).toBe(true);
    }
  });

  it('keeps the subset small: far below the 8 MB font file', () => {
    expect(zhangWei.pdf.length).toBeLessThan(250_000);
  });

  it('has a title, the kiosk as creator and the creation date from the injected clock', () => {
    const info = pdfInfo(zhangWei.pdf);
    expect(info['Title']).toBe('社会保险参保缴费证明');
    expect(info['Creator']).toBe('Tongban Kiosk');
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/);
    expect(new Date(info['CreationDate']!).toISOString()).toBe('2026-11-22T02:15:00.000Z');
  });

  it('is byte-for-byte the same for the same input and clock, and its sha256 is of those bytes', async () => {
    const again = await createCertificateRenderer(options).render(data['zhang-wei']!, number);
    expect(again.pdf.equals(zhangWei.pdf)).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(zhangWei.contentSha256).toBe(createHash('sha256').update(zhangWei.pdf).digest('hex'));
  });

  it('stamps issue and validity dates from the clock (Beijing time)', () => {
    expect(zhangWei.issuedAt).toBe('2026-11-22T02:15:00.000Z');
    expect(zhangWei.validUntil).toBe('2026-12-22');
  });

  it('changes its verification code when any row changes', async () => {
    const renderer = createCertificateRenderer(options);
    const original = data['zhang-wei']!;
    const rows = original.rows.map((row, index) => (index === 5 ? { ...row, personalFen: row.personalFen - 100 } : row));
    const altered = await renderer.render({ ...original, rows }, number);
    expect(altered.verificationCode).not.toBe(zhangWei.verificationCode);
  });

  it('draws a QR code whose modules are exactly those of QRCode.create for the verification URL', async () => {
    const url = `${options.verificationBaseUrl}?no=${number}&code=${zhangWei.verificationCode}`;
    const matrix = qrMatrix(url);
    const dpi = 300;
    const scale = dpi / 72;
    const region = {
      x: Math.floor(qrBox.x * scale),
      y: Math.floor(qrBox.y * scale),
      width: Math.ceil(qrBox.size * scale) + 2,
      height: Math.ceil(qrBox.size * scale) + 2,
    };
    const image = rasterizeRegion(zhangWei.pdf, { page: 1, dpi, ...region });
    const moduleSize = qrBox.size / (matrix.size + 2 * qrQuietModules);
    const mismatches: string[] = [];
    // the quiet zone must be light too, so include it
    for (let row = -qrQuietModules; row < matrix.size + qrQuietModules; row++) {
      for (let column = -qrQuietModules; column < matrix.size + qrQuietModules; column++) {
        const centreX = (qrBox.x + (qrQuietModules + column + 0.5) * moduleSize) * scale - region.x;
        const centreY = (qrBox.y + (qrQuietModules + row + 0.5) * moduleSize) * scale - region.y;
        const drawnDark = image.pixel(Math.round(centreX), Math.round(centreY)) < 128;
        const inside = row >= 0 && column >= 0 && row < matrix.size && column < matrix.size;
        const expectedDark = inside && matrix.isDark(row, column);
        if (drawnDark !== expectedDark) mismatches.push(`${row},${column}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('previews masked data without rendering, promising the page count the PDF has', () => {
    const renderer = createCertificateRenderer(options);
    const preview = renderer.preview(data['zhang-wei']!);
    expect(preview).toMatchObject({
      type: 'social-insurance-contribution',
      title: '社会保险参保缴费证明',
      holderMaskedName: '张*',
      maskedIdNumber: zhangWei.preview.maskedIdNumber,
      issuer: options.issuer,
      rows: data['zhang-wei']!.rows,
      fields: [
        { label: '事项编码', value: '330100-JD-00127-001' },
        { label: '缴费期间', value: '2025年11月至2026年10月' },
      ],
      pages: 1,
    });
    expect(preview.table?.columns).toEqual(['缴费年月', '缴费单位', '缴费基数', '单位缴纳', '个人缴纳', '缴费状态']);
    expect(preview.table?.rows).toHaveLength(12);
    expect(JSON.stringify(preview)).not.toContain(fixtureCitizen('zhang-wei').card.idNumber);
    expect(zhangWei.pages).toBe(1);
  });

  it('continues a long record on further pages, with the seal and code on the last one', async () => {
    const renderer = createCertificateRenderer(options);
    const base = data['zhang-wei']!;
    const rows = Array.from({ length: 60 }, (_, index) => ({
      ...base.rows[index % 12]!,
      month: `${2021 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
    }));
    const long = { ...base, rows };
    const rendered = await renderer.render(long, number);
    expect(rendered.pages).toBeGreaterThan(1);
    expect(renderer.preview(long).pages).toBe(rendered.pages);
    expect(pdfInfo(rendered.pdf)['Pages']).toBe(String(rendered.pages));
    const pages = pdfText(rendered.pdf).split('\f').map(compact);
    for (const row of rows) {
      const [year, month] = row.month.split('-');
      expect(pages.join('')).toContain(`${year}年${month}月`);
    }
    expect(pages[1]).toContain('社会保险参保缴费证明（续）');
    expect(pages[rendered.pages - 1]).toContain(`第${rendered.pages}页共${rendered.pages}页`);
    expect(pages[rendered.pages - 1]).toContain(rendered.verificationCode.match(/.{4}/g)!.join('-'));
    expect(pages[0]).not.toContain(rendered.verificationCode.match(/.{4}/g)!.join('-'));
  });

  it('is verifiable end to end: what the renderer issues, the platform confirms', async () => {
    const preview = zhangWei.preview;
    await platform.recordIssuedCertificate({
      number,
      type: 'social-insurance-contribution',
      verificationCode: zhangWei.verificationCode,
      contentSha256: zhangWei.contentSha256,
      issuedAt: zhangWei.issuedAt,
      validUntil: zhangWei.validUntil,
      maskedHolderName: preview.holderMaskedName,
      maskedIdNumber: preview.maskedIdNumber,
    });
    const typed = zhangWei.verificationCode.match(/.{4}/g)!.join('-').toLowerCase();
    expect(await platform.verifyCertificate(number, typed)).toMatchObject({ number, maskedHolderName: '张*' });
  });

  it('gives every document the once-parsed font (the fast path the render budget depends on)', () => {
    expect(sharedFontActive()).toBe(true);
  });
});
