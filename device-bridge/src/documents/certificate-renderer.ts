import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { CertificatePreview } from '../api/index.ts';
import type { CertificateData } from '../platform/platform.ts';
import { formatChinaDate } from '../platform/china-time.ts';
import type { Clock } from '../time/clock.ts';
import { buildCertificateContent, maskedHolder } from './certificate-content.ts';
import { certificatePageCount, drawCertificate } from './certificate-layout.ts';
import { installCjkFont } from './fonts.ts';
import { verificationCode } from './verification-code.ts';

export interface CertificateRendererOptions {
  issuer: string;
  validityDays: number;
  verificationBaseUrl: string;
  /** secret HMAC key for verification codes; lives outside the repo */
  key: Buffer;
  clock: Clock;
}

export interface RenderedCertificate {
  pdf: Buffer;
  pages: number;
  number: string;
  /** 16 Crockford base32 characters, ungrouped (the page shows them in groups of four) */
  verificationCode: string;
  /** ISO 8601 instant */
  issuedAt: string;
  /** YYYY-MM-DD (China time), the last day the certificate is valid */
  validUntil: string;
  /** SHA-256 (hex) of the PDF bytes: what was printed, to compare an archived copy against */
  contentSha256: string;
  preview: CertificatePreview;
}

export interface CertificateRenderer {
  /** masked, no rendering */
  preview(data: CertificateData): CertificatePreview;
  render(data: CertificateData, number: string): Promise<RenderedCertificate>;
}

const dayMs = 24 * 60 * 60 * 1000;

export function createCertificateRenderer(options: CertificateRendererOptions): CertificateRenderer {
  function preview(data: CertificateData): CertificatePreview {
    return {
      type: data.type,
      title: data.title,
      ...maskedHolder(data),
      issuer: options.issuer,
      rows: data.rows,
      pages: certificatePageCount(data.rows.length),
    };
  }

  async function render(data: CertificateData, number: string): Promise<RenderedCertificate> {
    const issued = options.clock.now();
    const issuedAt = issued.toISOString();
    const validUntil = formatChinaDate(new Date(issued.getTime() + options.validityDays * dayMs));
    const { maskedIdNumber } = maskedHolder(data);
    const code = verificationCode(options.key, {
      number,
      type: data.type,
      maskedIdNumber,
      holderName: data.holderName,
      rows: data.rows,
      issuedAt,
      validUntil,
    });
    const content = buildCertificateContent({
      data,
      issuer: options.issuer,
      number,
      verificationCode: code,
      verificationBaseUrl: options.verificationBaseUrl,
      issuedAt: issued,
      validUntil,
    });

    const doc = new PDFDocument({
      autoFirstPage: false,
      // no default font: pdfkit would otherwise load Helvetica, which has no CJK glyphs anyway
      font: null as unknown as string,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: data.title,
        Subject: `${data.title} ${number}`,
        Author: options.issuer,
        Creator: 'Tongban Kiosk',
        Producer: 'Tongban Kiosk (PDFKit)',
        // from the injected clock, so the same input at the same instant gives the same bytes
        CreationDate: issued,
      },
    });
    installCjkFont(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    const pages = drawCertificate(doc, content);
    doc.end();
    await finished;
    const pdf = Buffer.concat(chunks);
    return {
      pdf,
      pages,
      number,
      verificationCode: code,
      issuedAt,
      validUntil,
      contentSha256: createHash('sha256').update(pdf).digest('hex'),
      preview: { ...preview(data), pages },
    };
  }

  return { preview, render };
}
