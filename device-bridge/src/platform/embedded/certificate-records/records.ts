import type { CardIdentity, CertificateData, CertificateType, CertificateTypeInfo } from '../../../api/index.ts';
import { fullMonthsBefore, formatChinaDate } from '../../china-time.ts';
import { fixtureCitizen } from '../fixtures.ts';

/**
 * Demo records of the certificate types other than social insurance (which lives in the embedded
 * platform's SQLite tables): tax, real estate, housing fund and household registration for the
 * fixture citizens. Month-based rows are derived from "now" so the demo never goes stale. Each type's
 * serviceCode is its print item in the catalogue (同一编码), which a rating of the print names.
 */
export const recordCertificateTypes: CertificateTypeInfo[] = [
  { type: 'individual-income-tax', title: '个人所得税纳税记录', serviceCode: '330100-SW-00601-000' },
  { type: 'real-estate-registration', title: '不动产登记信息查询结果', serviceCode: '330100-BD-00401-000' },
  { type: 'housing-provident-fund', title: '住房公积金缴存证明', serviceCode: '330100-GJ-00301-000' },
  { type: 'household-registration', title: '户籍证明', serviceCode: '330100-HJ-00540-000' },
];

interface Employee {
  fixtureId: string;
  employer: string;
  /** monthly gross salary */
  salaryYuan: number;
  taxOffice: string;
  fundAccount: string;
  fundOpenedOn: string;
  fundBaseYuan: number;
  /** the employer settles last month late (li-na's firm), so the newest month shows 欠缴 */
  paysLate: boolean;
}

const employees: Employee[] = [
  {
    fixtureId: 'zhang-wei',
    employer: '杭州市西湖区某科技有限公司',
    salaryYuan: 15_000,
    taxOffice: '国家税务总局杭州市西湖区税务局',
    fundAccount: '3301060123456789',
    fundOpenedOn: '2014-07-15',
    fundBaseYuan: 12_000,
    paysLate: false,
  },
  {
    fixtureId: 'li-na',
    employer: '杭州市上城区某文化传媒有限公司',
    salaryYuan: 9_000,
    taxOffice: '国家税务总局杭州市上城区税务局',
    fundAccount: '3301020987654321',
    fundOpenedOn: '2020-03-02',
    fundBaseYuan: 7_850,
    paysLate: true,
  },
  {
    fixtureId: 'ouyang-mingyuan',
    employer: '杭州市拱墅区某机械制造有限公司',
    salaryYuan: 11_500,
    taxOffice: '国家税务总局杭州市拱墅区税务局',
    fundAccount: '3301050246813579',
    fundOpenedOn: '1999-10-08',
    fundBaseYuan: 9_600,
    paysLate: false,
  },
];

/**
 * Monthly withholding under the cumulative method (累计预扣法) with the 5 000 yuan monthly basic
 * deduction, 22.5 % social-insurance and fund deductions, and the comprehensive-income brackets.
 */
function monthlyTaxFen(salaryYuan: number, monthOfYear: number): number {
  const brackets: Array<[number, number, number]> = [
    [36_000, 0.03, 0],
    [144_000, 0.1, 2_520],
    [300_000, 0.2, 16_920],
    [420_000, 0.25, 31_920],
    [660_000, 0.3, 52_920],
    [960_000, 0.35, 85_920],
    [Infinity, 0.45, 181_920],
  ];
  const cumulative = (months: number) => {
    const taxable = Math.max(0, (salaryYuan * 0.775 - 5_000) * months);
    const [, rate, quick] = brackets.find(([limit]) => taxable <= limit)!;
    return Math.max(0, Math.round((taxable * rate - quick) * 100));
  };
  return cumulative(monthOfYear) - cumulative(monthOfYear - 1);
}

/** The 15th of the month after `month` (YYYY-MM): when withheld tax reaches the treasury. */
function fifteenthAfter(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + monthNumber; // next month, 0-based month index
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

interface Property {
  certificateNumber: string;
  location: string;
  use: string;
  areaCentiSqm: number;
  ownership: string;
  registeredOn: string;
  restriction: string;
}

/** Who owns what in Hangzhou. Absent or [] = no property registered (无房), itself a valid result. */
const properties: Record<string, Property[]> = {
  'zhang-wei': [
    {
      certificateNumber: '浙(2021)杭州市不动产权第0218734号',
      location: '西湖区文三路478号3幢2单元501室',
      use: '住宅',
      areaCentiSqm: 8_923,
      ownership: '共同共有',
      registeredOn: '2021-04-26',
      restriction: '抵押',
    },
  ],
  'li-na': [],
  'wang-xiaoyu': [],
  'zhao-guilan': [
    {
      certificateNumber: '杭房权证江字第05012673号',
      location: '上城区凯旋路86号2幢101室',
      use: '住宅',
      areaCentiSqm: 6_150,
      ownership: '单独所有',
      registeredOn: '2005-09-12',
      restriction: '无',
    },
  ],
  'ouyang-mingyuan': [
    {
      certificateNumber: '浙(2017)杭州市不动产权第0087215号',
      location: '拱墅区湖墅南路206号5幢701室',
      use: '住宅',
      areaCentiSqm: 11_247,
      ownership: '单独所有',
      registeredOn: '2017-06-30',
      restriction: '无',
    },
    {
      certificateNumber: '浙(2023)杭州市不动产权第0412096号',
      location: '临平区南苑街道迎宾路1166号地下车位B2-117',
      use: '车位',
      areaCentiSqm: 3_102,
      ownership: '单独所有',
      registeredOn: '2023-02-14',
      restriction: '无',
    },
  ],
};

interface Household {
  householdNumber: string;
  householdKind: string;
  relationToHead: string;
  registeredOn: string;
  policeStation: string;
}

const households: Record<string, Household> = {
  'zhang-wei': {
    householdNumber: '330106042817',
    householdKind: '家庭户',
    relationToHead: '户主',
    registeredOn: '2021-05-18',
    policeStation: '杭州市公安局西湖分局文新派出所',
  },
  'li-na': {
    householdNumber: '330102011532',
    householdKind: '集体户',
    relationToHead: '集体户成员',
    registeredOn: '2019-09-10',
    policeStation: '杭州市公安局上城分局湖滨派出所',
  },
  'wang-xiaoyu': {
    householdNumber: '330108063390',
    householdKind: '家庭户',
    relationToHead: '女',
    registeredOn: '2016-06-02',
    policeStation: '杭州市公安局滨江分局长河派出所',
  },
  'zhao-guilan': {
    householdNumber: '330104005127',
    householdKind: '家庭户',
    relationToHead: '户主',
    registeredOn: '1983-04-20',
    policeStation: '杭州市公安局上城分局凯旋派出所',
  },
  'ouyang-mingyuan': {
    householdNumber: '330105020746',
    householdKind: '家庭户',
    relationToHead: '户主',
    registeredOn: '1998-11-03',
    policeStation: '杭州市公安局拱墅分局湖墅派出所',
  },
};

/** GB 3304 nation codes of the fixtures → 民族 as printed. */
const nations: Record<string, string> = { '01': '汉族', '11': '满族' };

function isoBirthDate(card: CardIdentity): string {
  return `${card.birthDate.slice(0, 4)}-${card.birthDate.slice(4, 6)}-${card.birthDate.slice(6, 8)}`;
}

/** Which fixture this identity is (number and name must both match, as the platform checks). */
function fixtureIdOf(identity: CardIdentity): string | null {
  for (const id of Object.keys(households)) {
    const { card } = fixtureCitizen(id);
    if (card.idNumber === identity.idNumber && card.name === identity.name) return id;
  }
  return null;
}

/**
 * The record of one of the four types for this person, or null when the platform holds none.
 * `info` carries the title and 事项编码 as the platform lists them.
 */
export function certificateRecord(
  type: Exclude<CertificateType, 'social-insurance-contribution'>,
  info: CertificateTypeInfo,
  identity: CardIdentity,
  now: Date,
): CertificateData | null {
  const fixtureId = fixtureIdOf(identity);
  if (!fixtureId) return null;
  const { card } = fixtureCitizen(fixtureId);
  const head = { title: info.title, serviceCode: info.serviceCode, holderName: card.name, idNumber: card.idNumber };
  const employee = employees.find((candidate) => candidate.fixtureId === fixtureId);
  const months = fullMonthsBefore(now, 12);
  switch (type) {
    case 'individual-income-tax': {
      if (!employee) return null;
      const rows = months.map((month) => ({
        month,
        incomeType: '工资薪金所得',
        withholdingAgent: employee.employer,
        incomeFen: employee.salaryYuan * 100,
        taxFen: monthlyTaxFen(employee.salaryYuan, Number(month.slice(5, 7))),
        paidOn: fifteenthAfter(month),
      }));
      // tax of the last month reaches the treasury on the 15th of this month: not yet before that
      const today = formatChinaDate(now);
      return { type, ...head, issuer: employee.taxOffice, rows: rows.filter((row) => row.paidOn <= today) };
    }
    case 'real-estate-registration':
      return { type, ...head, issuer: '杭州市不动产登记服务中心', scope: '杭州市', properties: properties[fixtureId] ?? [] };
    case 'housing-provident-fund': {
      if (!employee) return null;
      // 12 % from each side (Hangzhou's usual rate), rounded to the yuan as the fund centre does
      const partFen = Math.round(employee.fundBaseYuan * 0.12) * 100;
      const rows = months.map((month, index) => ({
        month,
        employerFen: partFen,
        personalFen: partFen,
        status: employee.paysLate && index === months.length - 1 ? ('owed' as const) : ('paid' as const),
      }));
      const paidMonths = rows.filter((row) => row.status === 'paid').length;
      const [openYear] = employee.fundOpenedOn.split('-').map(Number) as [number];
      const yearsOpen = Math.max(1, Number(months[0]!.slice(0, 4)) - openYear);
      return {
        type,
        ...head,
        issuer: '杭州住房公积金管理中心',
        accountNumber: employee.fundAccount,
        employer: employee.employer,
        accountStatus: 'active',
        openedOn: employee.fundOpenedOn,
        baseFen: employee.fundBaseYuan * 100,
        employerFen: partFen,
        personalFen: partFen,
        // a plausible balance: what a dozen years at today's rate leave after a withdrawal or two
        balanceFen: 2 * partFen * (paidMonths + Math.min(yearsOpen, 6) * 8),
        asOf: formatChinaDate(now),
        rows,
      };
    }
    case 'household-registration': {
      const household = households[fixtureId]!;
      return {
        type,
        ...head,
        issuer: household.policeStation,
        address: card.address,
        householdNumber: household.householdNumber,
        householdKind: household.householdKind,
        relationToHead: household.relationToHead,
        nation: nations[card.nation] ?? card.nation,
        birthDate: isoBirthDate(card),
        registeredOn: household.registeredOn,
        policeStation: household.policeStation,
      };
    }
  }
}
