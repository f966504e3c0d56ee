import type { CertificateType } from '../api/index.ts';
import type { CertificateData } from '../platform/platform.ts';
import { maskIdNumber, maskName } from '../privacy/mask.ts';
import { chinaDateAsInstant, formatChineseDate } from './dates.ts';
import { groupInFours } from './crockford.ts';
import { certificateBody } from './templates/bodies.ts';
import type { PrintedTable } from './templates/template.ts';

export type { PrintedColumn, PrintedRow, PrintedTable } from './templates/template.ts';

/**
 * Every string a certificate page carries, decided once: the PDF layout (and the benchmark's HTML
 * twin) only place them. The full ID number is not in here, only its masked form, so no drawing
 * code can print it by mistake.
 */
export interface CertificateContent {
  type: CertificateType;
  title: string;
  serviceCode: string;
  holderName: string;
  holderMaskedName: string;
  maskedIdNumber: string;
  /** label/value pairs of the grid under the title, 姓名 and 公民身份号码 first */
  facts: Array<[string, string]>;
  statement: string;
  table: PrintedTable | null;
  closing: string;
  notes: string[];
  issuer: string;
  issueDate: string;
  number: string;
  verificationCodeGrouped: string;
  verificationBaseUrl: string;
  /** the QR code's text: verification URL with number, code and an Ed25519 signature */
  qrText: string;
  validityLine: string;
  watermark: string;
  systemLine: string;
}

/** The verification page with number and code filled in (what a receiver opens). */
export function verificationUrl(baseUrl: string, number: string, code: string): string {
  const separator = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${separator}no=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
}

export interface ContentInputs {
  data: CertificateData;
  /** the issuing body (the data's own, else the kiosk's configured one) */
  issuer: string;
  number: string;
  verificationCode: string;
  verificationBaseUrl: string;
  /** what the QR code holds (signed); defaults to the plain verification URL */
  qrText?: string;
  issuedAt: Date;
  /** YYYY-MM-DD, last day of validity */
  validUntil: string;
}

/** The masked head of the certificate: what the preview screen and the paper share. */
export function maskedHolder(data: CertificateData): { holderMaskedName: string; maskedIdNumber: string } {
  return { holderMaskedName: maskName(data.holderName), maskedIdNumber: maskIdNumber(data.idNumber) };
}

/** 姓名 and the masked number first, then the type's own facts. */
export function certificateFacts(data: CertificateData): { facts: Array<[string, string]>; body: ReturnType<typeof certificateBody> } {
  const body = certificateBody(data);
  return {
    facts: [['姓　　名', data.holderName], ['公民身份号码', maskIdNumber(data.idNumber)], ...body.facts],
    body,
  };
}

export function buildCertificateContent(inputs: ContentInputs): CertificateContent {
  const { data, issuer } = inputs;
  const { facts, body } = certificateFacts(data);
  const validUntilText = formatChineseDate(chinaDateAsInstant(inputs.validUntil));
  const url = verificationUrl(inputs.verificationBaseUrl, inputs.number, inputs.verificationCode);
  return {
    type: data.type,
    title: data.title,
    serviceCode: data.serviceCode,
    holderName: data.holderName,
    ...maskedHolder(data),
    facts,
    statement: body.statement,
    table: body.table,
    closing: '特此证明。',
    notes: [
      ...body.notes,
      `核验方法：扫描左下方二维码，或访问 ${inputs.verificationBaseUrl} 输入证明编号和核验码。`,
      '本证明由政务服务自助终端打印，涂改无效，真伪以核验结果为准。',
    ],
    issuer,
    issueDate: formatChineseDate(inputs.issuedAt),
    number: inputs.number,
    verificationCodeGrouped: groupInFours(inputs.verificationCode),
    verificationBaseUrl: inputs.verificationBaseUrl,
    qrText: inputs.qrText ?? url,
    validityLine: `此件由${issuer}提供，仅供办理政务服务事项使用，有效期至${validUntilText}`,
    watermark: `仅供办理政务服务事项使用  ${issuer}`,
    systemLine: '一体化政务服务平台 · 自助终端打印',
  };
}
