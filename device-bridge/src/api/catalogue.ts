import { z } from 'zod';

/**
 * The service catalogue (政务服务事项目录): one standard item per service, the same code and the
 * same 办事指南 on every channel (同一事项、同一标准、同一编码). Readable without identifying.
 */
export const serviceCategories = [
  'social-insurance',
  'medical-insurance',
  'housing-fund',
  'real-estate',
  'household',
  'tax',
  'civil-affairs',
] as const;
export const serviceCategorySchema = z.enum(serviceCategories);
export type ServiceCategory = z.infer<typeof serviceCategorySchema>;

/** Chinese names of the categories, as the platform shows them (社保, 医保, 公积金, 不动产, 户籍, 税务, 民政). */
export const serviceCategoryTitles: Record<ServiceCategory, string> = {
  'social-insurance': '社会保障',
  'medical-insurance': '医疗保障',
  'housing-fund': '住房公积金',
  'real-estate': '不动产登记',
  household: '户籍管理',
  tax: '税务',
  'civil-affairs': '民政',
};

/** 事项编码, e.g. 330000-SB-001 */
export const itemCodeSchema = z.string().regex(/^[0-9A-Z-]{3,40}$/, 'an item code such as 330000-SB-001');

/** What the kiosk can do with an item on its own. */
export const serviceModes = ['guide-only', 'apply', 'print', 'appointment'] as const;
export const serviceModeSchema = z.enum(serviceModes);
export type ServiceMode = z.infer<typeof serviceModeSchema>;

export const serviceItemSummarySchema = z.object({
  code: itemCodeSchema,
  name: z.string(),
  category: serviceCategorySchema,
  /** lower-case pinyin initials of the name, e.g. 社保参保证明打印 → sbcbzmdy */
  initials: z.string(),
  department: z.string(),
  /** 即办件 (done at once) or 承诺件 (done within the promised time) */
  kind: z.enum(['immediate', 'promised']),
  modes: z.array(serviceModeSchema),
});
export type ServiceItemSummary = z.infer<typeof serviceItemSummarySchema>;

export const materialSchema = z.object({
  /** stable within the item, used by applications to say which material a capture is */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string(),
  /** 原件 / 复印件 / 原件和复印件 */
  form: z.enum(['original', 'copy', 'original-and-copy']),
  copies: z.number().int().min(0).max(20),
  /** 纸质 / 电子 / 纸质或电子 */
  format: z.enum(['paper', 'electronic', 'paper-or-electronic']),
  /** 来源渠道: 申请人自备 / 政府部门核发 (often shared: 免提交) */
  source: z.enum(['applicant', 'government', 'shared']),
  required: z.boolean(),
  /** the kiosk's document camera can capture it (a paper page); false for e.g. a sealed original */
  kioskCapturable: z.boolean(),
  note: z.string().optional(),
});
export type ServiceMaterial = z.infer<typeof materialSchema>;

/** A form field the application needs beyond what the ID card prefills. */
export const formFieldSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: z.string(),
  type: z.enum(['text', 'phone', 'number', 'date', 'choice']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  maxLength: z.number().int().positive().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** 办事指南: everything a citizen reads before going to a window. */
export const serviceGuideSchema = z.object({
  legalBasis: z.array(z.string()).min(1),
  conditions: z.array(z.string()).min(1),
  materials: z.array(materialSchema),
  steps: z.array(z.string()).min(1),
  /** 法定办结时限, working days (0 = 即办) */
  legalLimitDays: z.number().int().min(0),
  /** 承诺办结时限, working days (0 = 即办) */
  promisedLimitDays: z.number().int().min(0),
  /** 收费标准; empty text = 不收费 */
  fee: z.string(),
  office: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
  /** 办理结果 (certificate, 证明, approval letter …) and how it is delivered */
  result: z.string(),
  formFields: z.array(formFieldSchema),
});
export type ServiceGuide = z.infer<typeof serviceGuideSchema>;

export const serviceItemSchema = serviceItemSummarySchema.extend({ guide: serviceGuideSchema });
export type ServiceItem = z.infer<typeof serviceItemSchema>;

/** GET /api/catalogue?q=&category= : q matches the name or its pinyin initials; no session needed. */
export const catalogueQuerySchema = z.object({
  q: z.string().max(40).optional(),
  category: serviceCategorySchema.optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

export const catalogueResponseSchema = z.object({
  items: z.array(serviceItemSummarySchema),
  categories: z.array(z.object({ category: serviceCategorySchema, title: z.string(), count: z.number().int() })),
  /** true when the platform could not be reached and the list is this kiosk's saved copy (say guides may be dated) */
  fromCache: z.boolean().optional(),
});
export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;
