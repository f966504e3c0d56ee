import type { CertificateType } from '../api/index.ts';
import type { CertificateData } from '../platform/platform.ts';
import { maskIdNumber, maskName } from '../privacy/mask.ts';
import { chinaDateAsInstant, formatChineseDate, formatChineseMonth } from './dates.ts';
import { groupInFours } from './crockford.ts';
import { formatYuan } from './money.ts';

/** One table row as printed. */
export interface PrintedRow {
  month: string;
  employer: string;
  base: string;
  employerPart: string;
  personalPart: string;
  status: string;
  owed: boolean;
}

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
  period: string;
  statement: string;
  amountUnit: string;
  columns: readonly string[];
  rows: PrintedRow[];
  totals: { employerPart: string; personalPart: string };
  closing: string;
  notes: string[];
  issuer: string;
  issueDate: string;
  number: string;
  verificationCodeGrouped: string;
  verificationBaseUrl: string;
  verificationUrl: string;
  validityLine: string;
  watermark: string;
  systemLine: string;
}

export const contributionColumns = ['缴费年月', '缴费单位', '缴费基数', '单位缴纳', '个人缴纳', '缴费状态'] as const;

/** The QR code's text: the verification page with number and code filled in. */
export function verificationUrl(baseUrl: string, number: string, code: string): string {
  const separator = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${separator}no=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
}

export interface ContentInputs {
  data: CertificateData;
  issuer: string;
  number: string;
  verificationCode: string;
  verificationBaseUrl: string;
  issuedAt: Date;
  /** YYYY-MM-DD, last day of validity */
  validUntil: string;
}

/** The masked head of the certificate: what the preview screen and the paper share. */
export function maskedHolder(data: CertificateData): { holderMaskedName: string; maskedIdNumber: string } {
  return { holderMaskedName: maskName(data.holderName), maskedIdNumber: maskIdNumber(data.idNumber) };
}

export function buildCertificateContent(inputs: ContentInputs): CertificateContent {
  const { data, issuer } = inputs;
  const first = data.rows[0];
  const last = data.rows[data.rows.length - 1];
  const period = first && last ? `${formatChineseMonth(first.month)}至${formatChineseMonth(last.month)}` : '—';
  const validUntilText = formatChineseDate(chinaDateAsInstant(inputs.validUntil));
  const anyOwed = data.rows.some((row) => row.status === 'owed');
  return {
    type: data.type,
    title: data.title,
    serviceCode: data.serviceCode,
    holderName: data.holderName,
    ...maskedHolder(data),
    period,
    statement: `兹证明上述人员在本统筹区参加社会保险，${period}缴费情况如下：`,
    amountUnit: '金额单位：元',
    columns: contributionColumns,
    rows: data.rows.map((row) => ({
      month: formatChineseMonth(row.month),
      employer: row.employer,
      // resident schemes have no contribution base: a dash, not a misleading 0.00
      base: row.baseFen === 0 ? '—' : formatYuan(row.baseFen),
      employerPart: formatYuan(row.employerFen),
      personalPart: formatYuan(row.personalFen),
      status: row.status === 'paid' ? '已缴' : '欠缴',
      owed: row.status === 'owed',
    })),
    totals: {
      employerPart: formatYuan(data.rows.reduce((sum, row) => sum + row.employerFen, 0)),
      personalPart: formatYuan(data.rows.reduce((sum, row) => sum + row.personalFen, 0)),
    },
    closing: '特此证明。',
    notes: [
      `本证明所列为${period}的缴费记录${anyOwed ? '；“欠缴”表示该月应缴费用尚未到账，到账后重新打印即可更新' : ''}。`,
      `核验方法：扫描左下方二维码，或访问 ${inputs.verificationBaseUrl} 输入证明编号和核验码。`,
      '本证明由政务服务自助终端打印，涂改无效，真伪以核验结果为准。',
    ],
    issuer,
    issueDate: formatChineseDate(inputs.issuedAt),
    number: inputs.number,
    verificationCodeGrouped: groupInFours(inputs.verificationCode),
    verificationBaseUrl: inputs.verificationBaseUrl,
    verificationUrl: verificationUrl(inputs.verificationBaseUrl, inputs.number, inputs.verificationCode),
    validityLine: `此件由${issuer}提供，仅供办理政务服务事项使用，有效期至${validUntilText}`,
    watermark: `仅供办理政务服务事项使用  ${issuer}`,
    systemLine: '一体化政务服务平台 · 自助终端打印',
  };
}
