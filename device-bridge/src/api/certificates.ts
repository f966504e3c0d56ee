import { z } from 'zod';
import { idNumberSchema } from './identity.ts';

export const certificateTypes = [
  'social-insurance-contribution',
  'individual-income-tax',
  'real-estate-registration',
  'housing-provident-fund',
  'household-registration',
] as const;
export const certificateTypeSchema = z.enum(certificateTypes);
export type CertificateType = z.infer<typeof certificateTypeSchema>;

/** One month of social-insurance contributions. Amounts are integers in fen (分) so nothing rounds. */
export const contributionRowSchema = z.object({
  /** YYYY-MM */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** paying unit (单位名称) */
  employer: z.string(),
  /** 缴费基数 */
  baseFen: z.number().int().nonnegative(),
  /** 单位缴纳 */
  employerFen: z.number().int().nonnegative(),
  /** 个人缴纳 */
  personalFen: z.number().int().nonnegative(),
  /** paid (已缴) or owed (欠缴) */
  status: z.enum(['paid', 'owed']),
});
export type ContributionRow = z.infer<typeof contributionRowSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/);
const text = z.string().min(1).max(200);

/** 个人所得税纳税记录: one withheld payment. */
export const taxRowSchema = z.object({
  /** 税款所属期 */
  month: isoMonth,
  /** 所得项目, e.g. 工资薪金所得 */
  incomeType: text,
  /** 扣缴义务人 */
  withholdingAgent: text,
  incomeFen: z.number().int().nonnegative(),
  /** 实缴(退)税额 */
  taxFen: z.number().int(),
  /** 入库日期 */
  paidOn: isoDate,
});
export type TaxRow = z.infer<typeof taxRowSchema>;

/** 不动产登记: one registered property. */
export const propertyRowSchema = z.object({
  /** 不动产权证书号, e.g. 浙(2020)杭州市不动产权第0123456号 */
  certificateNumber: text,
  /** 坐落 */
  location: text,
  /** 用途 */
  use: text,
  /** 建筑面积 in hundredths of a square metre, so nothing rounds */
  areaCentiSqm: z.number().int().positive(),
  /** 共有情况: 单独所有, 共同共有, 按份共有 … */
  ownership: text,
  registeredOn: isoDate,
  /** 权利限制: 无, 抵押, 查封 … */
  restriction: text,
});
export type PropertyRow = z.infer<typeof propertyRowSchema>;

/** 住房公积金: one month of deposits. */
export const fundRowSchema = z.object({
  month: isoMonth,
  employerFen: z.number().int().nonnegative(),
  personalFen: z.number().int().nonnegative(),
  status: z.enum(['paid', 'owed']),
});
export type FundRow = z.infer<typeof fundRowSchema>;

/**
 * What the platform returns for one certificate (bridge-internal: it holds the full ID number, which
 * only documents/ ever prints, masked). A discriminated union on `type`.
 */
const certificateHead = {
  title: text,
  serviceCode: text,
  holderName: z.string().min(1).max(100),
  idNumber: idNumberSchema,
  /** the issuing body, printed in the issuer block and the seal; absent → the kiosk's configured issuer */
  issuer: z.string().min(2).max(40).optional(),
};
export const certificateDataSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('social-insurance-contribution'), ...certificateHead, rows: z.array(contributionRowSchema).max(1000) }),
  z.object({ type: z.literal('individual-income-tax'), ...certificateHead, rows: z.array(taxRowSchema).max(1000) }),
  z.object({
    type: z.literal('real-estate-registration'),
    ...certificateHead,
    /** 查询范围, e.g. 杭州市 */
    scope: text,
    /** [] means no property registered in the scope (无房): a valid result */
    properties: z.array(propertyRowSchema).max(200),
  }),
  z.object({
    type: z.literal('housing-provident-fund'),
    ...certificateHead,
    accountNumber: text,
    employer: text,
    accountStatus: z.enum(['active', 'sealed']),
    openedOn: isoDate,
    baseFen: z.number().int().nonnegative(),
    employerFen: z.number().int().nonnegative(),
    personalFen: z.number().int().nonnegative(),
    balanceFen: z.number().int(),
    asOf: isoDate,
    rows: z.array(fundRowSchema).max(1000),
  }),
  z.object({
    type: z.literal('household-registration'),
    ...certificateHead,
    address: text,
    householdNumber: text,
    householdKind: text,
    relationToHead: text,
    nation: text,
    birthDate: isoDate,
    registeredOn: isoDate,
    policeStation: text,
  }),
]);
export type CertificateData = z.infer<typeof certificateDataSchema>;
export type CertificateDataOf<T extends CertificateType> = Extract<CertificateData, { type: T }>;

export const certificateTypeInfoSchema = z.object({
  type: certificateTypeSchema,
  /** official Chinese title, printed as is */
  title: z.string(),
  /** 事项编码 of the service item */
  serviceCode: z.string(),
});
export type CertificateTypeInfo = z.infer<typeof certificateTypeInfoSchema>;

/** POST /api/certificates/preview and POST /api/print-jobs bodies */
/** strict: a request never names a person (identity comes from the session); extra keys are refused */
export const certificateRequestSchema = z.object({ type: certificateTypeSchema }).strict();
export type CertificateRequest = z.infer<typeof certificateRequestSchema>;

/** What the citizen sees before printing: masked, the same data the paper will carry. */
export const certificatePreviewSchema = z.object({
  type: certificateTypeSchema,
  title: z.string(),
  holderMaskedName: z.string(),
  maskedIdNumber: z.string(),
  issuer: z.string(),
  /** contribution months (social-insurance-contribution only; [] for the other types) */
  rows: z.array(contributionRowSchema),
  /** display-ready facts of any type (label → text), the same shape as a RecordView */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** the certificate's table as printed (display text), or null when the type has none */
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
  /** the sentence the certificate states, e.g. 兹证明… */
  statement: z.string(),
  pages: z.number().int().positive(),
});
export type CertificatePreview = z.infer<typeof certificatePreviewSchema>;
