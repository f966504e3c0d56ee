import { createHash, type KeyObject } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { CertificatePreview } from '../api/index.ts';
import type { CertificateData } from '../platform/platform.ts';
import { formatChinaDate } from '../platform/china-time.ts';
import type { Clock } from '../time/clock.ts';
import { buildCertificateContent, certificateFacts, maskedHolder } from './certificate-content.ts';
import { contentDigest } from './content-digest.ts';
import { signedQrText } from './qr-signature.ts';
import { certificatePageCount, drawCertificate } from './certificate-layout.ts';
import { installCjkFont } from './fonts.ts';
import { verificationCode } from './verification-code.ts';

export interface CertificateRendererOptions {
  issuer: string;
  validityDays: number;
  verificationBaseUrl: string;
  /** secret HMAC key for verification codes; lives outside the repo */
  key: Buffer;
  /** Ed25519 key that signs the QR code's payload (offline checking); absent → the QR holds the plain URL */
  signingKey?: KeyObject;
  /** PAdES signature of the whole PDF (documents/pades.ts); absent → unsigned PDF */
  signPdf?: (pdf: Buffer) => Promise<Buffer>;
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
  /** what the QR code holds: the verification URL, Ed25519-signed when a signing key is configured */
  qrText: string;
  preview: CertificatePreview;
}

export interface CertificateRenderer {
  /** masked, no rendering */
  preview(data: CertificateData): CertificatePreview;
  render(data: CertificateData, number: string): Promise<RenderedCertificate>;
}

const dayMs = 24 * 60 * 60 * 1000;

export function createCertificateRenderer(options: CertificateRendererOptions): CertificateRenderer {
  function issuerOf(data: CertificateData): string {
    return data.issuer ?? options.issuer;
  }

  function preview(data: CertificateData): CertificatePreview {
    const content = buildCertificateContent({
      data,
      issuer: issuerOf(data),
      number: 'PREVIEW',
      verificationCode: '0000000000000000',
      verificationBaseUrl: options.verificationBaseUrl,
      issuedAt: options.clock.now(),
      validUntil: formatChinaDate(options.clock.now()),
    });
    const doc = newDocument(data.title, 'PREVIEW', options.clock.now(), issuerOf(data));
    return previewOf(data, certificatePageCount(doc, content));
  }

  /** What the citizen's screen shows of a certificate of `pages` pages (masked, no rendering). */
  function previewOf(data: CertificateData, pages: number): CertificatePreview {
    const { facts, body } = certificateFacts(data);
    return {
      type: data.type,
      title: data.title,
      ...maskedHolder(data),
      issuer: issuerOf(data),
      rows: data.type === 'social-insurance-contribution' ? data.rows : [],
      // 姓名 and the number are in holderMaskedName/maskedIdNumber; the screen shows the rest
      fields: facts.slice(2).map(([label, value]) => ({ label: label.replace(/\u3000/g, ''), value })),
      table: body.table
        ? { columns: body.table.columns.map((column) => column.title), rows: body.table.rows.map((row) => row.cells) }
        : null,
      statement: body.statement,
      pages,
    };
  }

  async function render(data: CertificateData, number: string): Promise<RenderedCertificate> {
    const issued = options.clock.now();
    const issuedAt = issued.toISOString();
    const validUntil = formatChinaDate(new Date(issued.getTime() + options.validityDays * dayMs));
    const { maskedIdNumber } = maskedHolder(data);
    const issuer = issuerOf(data);
    const { facts, body } = certificateFacts(data);
    const code = verificationCode(options.key, {
      number,
      type: data.type,
      maskedIdNumber,
      holderName: data.holderName,
      facts: [...facts.slice(2), ...(body.table?.rows.map((row) => row.cells) ?? [])],
      issuedAt,
      validUntil,
    });
    const content = buildCertificateContent({
      data,
      issuer,
      number,
      verificationCode: code,
      verificationBaseUrl: options.verificationBaseUrl,
      ...(options.signingKey
        ? {
            qrText: signedQrText(
              options.verificationBaseUrl,
              {
                number,
                code,
                type: data.type,
                maskedIdNumber,
                maskedName: maskedHolder(data).holderMaskedName,
                contentDigest: contentDigest(data, number),
                issuedOn: formatChinaDate(issued),
                validUntil,
              },
              options.signingKey,
            ),
          }
        : {}),
      issuedAt: issued,
      validUntil,
    });

    const doc = newDocument(data.title, number, issued, issuer);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    const pages = drawCertificate(doc, content);
    doc.end();
    await finished;
    const unsigned = Buffer.concat(chunks);
    const pdf = options.signPdf ? await options.signPdf(unsigned) : unsigned;
    return {
      pdf,
      pages,
      number,
      verificationCode: code,
      issuedAt,
      validUntil,
      contentSha256: createHash('sha256').update(pdf).digest('hex'),
      qrText: content.qrText,
      // the page count comes from this render: laying the certificate out again for it would double the work
      preview: previewOf(data, pages),
    };
  }

  return { preview, render };
}

function newDocument(title: string, number: string, issued: Date, issuer: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    // no default font: pdfkit would otherwise load Helvetica, which has no CJK glyphs anyway
    font: null as unknown as string,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Subject: `${title} ${number}`,
      Author: issuer,
      Creator: 'Tongban Kiosk',
      Producer: 'Tongban Kiosk (PDFKit)',
      // from the injected clock, so the same input at the same instant gives the same bytes
      CreationDate: issued,
    },
  });
  installCjkFont(doc);
  return doc;
}
