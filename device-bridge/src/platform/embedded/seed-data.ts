import type { CertificateType, CertificateTypeInfo } from '../../api/index.ts';
import { recordCertificateTypes } from './certificate-records/records.ts';

/**
 * What the embedded platform knows on first open. The 事项编码 is a demo code in the shape of the
 * Zhejiang service-item catalogue (region-department-item-sub-item); a real deployment takes it from
 * the platform it connects to.
 */
export const certificateTypeSeed: CertificateTypeInfo[] = [
  { type: 'social-insurance-contribution', title: '社会保险参保缴费证明', serviceCode: '330100-JD-00127-001' },
  // tax, real estate, housing fund, household: certificate-records/
  ...recordCertificateTypes,
];

/** One person's contribution account: what each month's row looks like. Amounts in fen. */
export interface ContributionAccountSeed {
  fixtureId: string;
  type: CertificateType;
  /** the paying unit as printed (单位名称), or the way a resident pays */
  employer: string;
  baseFen: number;
  employerFen: number;
  personalFen: number;
  /**
   * The employer settles each month in the following month (common with small firms), so the
   * newest month still shows 欠缴 until the next month begins.
   */
  paysLate: boolean;
}

/**
 * 城镇职工基本养老保险 for an employee: the unit pays 16 % of the base (Zhejiang's rate since the 2019
 * reduction), the employee 8 %. Rounded to the fen as the collection system does.
 */
function employeePension(fixtureId: string, employer: string, baseYuan: number, paysLate = false): ContributionAccountSeed {
  const baseFen = baseYuan * 100;
  return {
    fixtureId,
    type: 'social-insurance-contribution',
    employer,
    baseFen,
    employerFen: Math.round((baseFen * 16) / 100),
    personalFen: Math.round((baseFen * 8) / 100),
    paysLate,
  };
}

/**
 * 城乡居民基本医疗保险: no employer and no base; the yearly personal contribution, shown per month.
 * (Children's contributions are paid by the household.)
 */
function residentMedical(fixtureId: string, payer: string, yearlyYuan: number): ContributionAccountSeed {
  if ((yearlyYuan * 100) % 12 !== 0) throw new Error('yearly contribution must split evenly into months');
  return {
    fixtureId,
    type: 'social-insurance-contribution',
    employer: payer,
    baseFen: 0,
    employerFen: 0,
    personalFen: (yearlyYuan * 100) / 12,
    paysLate: false,
  };
}

/** chen-expired has no account: the bridge refuses the card before any record is asked for. */
export const contributionAccountSeed: ContributionAccountSeed[] = [
  employeePension('zhang-wei', '杭州市西湖区某科技有限公司', 12_000),
  employeePension('li-na', '杭州市上城区某文化传媒有限公司', 7_850, true),
  residentMedical('wang-xiaoyu', '城乡居民医疗保险（家庭缴费）', 420),
  residentMedical('zhao-guilan', '城乡居民医疗保险（个人缴费）', 840),
  employeePension('ouyang-mingyuan', '杭州市拱墅区某机械制造有限公司', 9_600),
];
