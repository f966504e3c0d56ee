import type { CertificateDataOf } from '../../api/index.ts';
import type { CertificateData } from '../../platform/platform.ts';
import { chinaDateAsInstant, formatChineseDate, formatChineseMonth } from '../dates.ts';
import { formatYuan } from '../money.ts';
import { yuanUnit, type CertificateBody, type PrintedTable } from './template.ts';

/** "2026-05" → "2026年05月至2026年10月" over the first and last row, or — */
function periodOf(months: string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  return first && last ? `${formatChineseMonth(first)}至${formatChineseMonth(last)}` : '—';
}

function chineseDate(isoDate: string): string {
  return formatChineseDate(chinaDateAsInstant(isoDate));
}

/** signed amounts (a tax refund is negative) */
function signedYuan(fen: number): string {
  return fen < 0 ? `-${formatYuan(-fen)}` : formatYuan(fen);
}

/** a money column's 合计 over the table's rows, in fen */
function columnTotal<Row>(rows: readonly Row[], fen: (row: Row) => number): number {
  return rows.reduce((sum, row) => sum + fen(row), 0);
}

/** a month's payment state as the social-insurance and housing-fund offices print it */
function paidText(status: 'paid' | 'owed'): string {
  return status === 'paid' ? '已缴' : '欠缴';
}

/** 8923 → "89.23" */
function squareMetres(centi: number): string {
  return formatYuan(centi);
}

function socialInsurance(data: CertificateDataOf<'social-insurance-contribution'>): CertificateBody {
  const period = periodOf(data.rows.map((row) => row.month));
  const anyOwed = data.rows.some((row) => row.status === 'owed');
  const table: PrintedTable = {
    columns: [
      { title: '缴费年月', weight: 70, align: 'center' },
      { title: '缴费单位', weight: 141.28, align: 'left' },
      { title: '缴费基数', weight: 72, align: 'right' },
      { title: '单位缴纳', weight: 68, align: 'right' },
      { title: '个人缴纳', weight: 68, align: 'right' },
      { title: '缴费状态', weight: 52, align: 'center' },
    ],
    rows: data.rows.map((row) => ({
      cells: [
        formatChineseMonth(row.month),
        row.employer,
        // resident schemes have no contribution base: a dash, not a misleading 0.00
        row.baseFen === 0 ? '—' : formatYuan(row.baseFen),
        formatYuan(row.employerFen),
        formatYuan(row.personalFen),
        paidText(row.status),
      ],
      alert: row.status === 'owed',
    })),
    total: [
      '合　计',
      '',
      '',
      formatYuan(columnTotal(data.rows, (row) => row.employerFen)),
      formatYuan(columnTotal(data.rows, (row) => row.personalFen)),
      '',
    ],
    unit: yuanUnit,
    emptyText: '该期间无缴费记录',
  };
  return {
    facts: [
      ['事项编码', data.serviceCode],
      ['缴费期间', period],
    ],
    statement: `兹证明上述人员在本统筹区参加社会保险，${period}缴费情况如下：`,
    table,
    notes: [`本证明所列为${period}的缴费记录${anyOwed ? '；“欠缴”表示该月应缴费用尚未到账，到账后重新打印即可更新' : ''}。`],
  };
}

function incomeTax(data: CertificateDataOf<'individual-income-tax'>): CertificateBody {
  const period = periodOf(data.rows.map((row) => row.month));
  return {
    facts: [
      ['事项编码', data.serviceCode],
      ['税款所属期', period],
    ],
    statement: `兹证明上述纳税人${period}在本税务机关缴纳个人所得税情况如下：`,
    table: {
      columns: [
        { title: '税款所属期', weight: 66, align: 'center' },
        { title: '所得项目', weight: 62, align: 'center' },
        { title: '扣缴义务人', weight: 139.28, align: 'left' },
        { title: '收入额', weight: 70, align: 'right' },
        { title: '实缴(退)税额', weight: 70, align: 'right' },
        { title: '入库日期', weight: 64, align: 'center' },
      ],
      rows: data.rows.map((row) => ({
        cells: [
          formatChineseMonth(row.month),
          row.incomeType,
          row.withholdingAgent,
          formatYuan(row.incomeFen),
          signedYuan(row.taxFen),
          row.paidOn,
        ],
      })),
      total: [
        '合　计',
        '',
        '',
        formatYuan(columnTotal(data.rows, (row) => row.incomeFen)),
        signedYuan(columnTotal(data.rows, (row) => row.taxFen)),
        '',
      ],
      unit: yuanUnit,
      emptyText: '该期间无个人所得税缴纳记录',
    },
    notes: ['本记录所列为已入库税款；税款所属期的收入额为扣缴义务人申报的数额。'],
  };
}

function realEstate(data: CertificateDataOf<'real-estate-registration'>): CertificateBody {
  const count = data.properties.length;
  return {
    facts: [
      ['查询范围', data.scope],
      ['查询结果', count === 0 ? '无登记记录' : `${count} 处`],
    ],
    statement:
      count === 0
        ? `经查询${data.scope}不动产登记簿，截至出具之时，未发现上述人员名下有不动产登记记录。`
        : `经查询${data.scope}不动产登记簿，截至出具之时，上述人员名下登记的不动产如下：`,
    table: {
      columns: [
        { title: '不动产权证书号', weight: 132, align: 'left' },
        { title: '坐落', weight: 134.28, align: 'left' },
        { title: '用途', weight: 36, align: 'center' },
        { title: '建筑面积(㎡)', weight: 62, align: 'right' },
        { title: '共有情况', weight: 52, align: 'center' },
        { title: '权利限制', weight: 55, align: 'center' },
      ],
      rows: data.properties.map((property) => ({
        cells: [
          property.certificateNumber,
          property.location,
          property.use,
          squareMetres(property.areaCentiSqm),
          property.ownership,
          property.restriction,
        ],
        alert: property.restriction !== '无',
      })),
      total: null,
      unit: null,
      emptyText: '未查询到不动产登记记录',
    },
    notes: ['本结果仅反映出具时不动产登记簿的记载，不含尚未办理登记的房屋。'],
  };
}

function housingFund(data: CertificateDataOf<'housing-provident-fund'>): CertificateBody {
  const period = periodOf(data.rows.map((row) => row.month));
  return {
    facts: [
      ['公积金账号', data.accountNumber],
      ['账户状态', data.accountStatus === 'active' ? '正常缴存' : '封存'],
      ['缴存单位', data.employer],
      ['开户日期', chineseDate(data.openedOn)],
      ['月缴存基数', `${formatYuan(data.baseFen)} 元`],
      ['月缴存额', `${formatYuan(data.employerFen + data.personalFen)} 元`],
      ['账户余额', `${signedYuan(data.balanceFen)} 元`],
      ['余额截至', chineseDate(data.asOf)],
    ],
    statement: `兹证明上述职工在本中心缴存住房公积金，${period}缴存情况如下：`,
    table: {
      columns: [
        { title: '缴存年月', weight: 100, align: 'center' },
        { title: '单位缴存', weight: 110, align: 'right' },
        { title: '个人缴存', weight: 110, align: 'right' },
        { title: '合计', weight: 81.28, align: 'right' },
        { title: '缴存状态', weight: 70, align: 'center' },
      ],
      rows: data.rows.map((row) => ({
        cells: [
          formatChineseMonth(row.month),
          formatYuan(row.employerFen),
          formatYuan(row.personalFen),
          formatYuan(row.employerFen + row.personalFen),
          paidText(row.status),
        ],
        alert: row.status === 'owed',
      })),
      total: [
        '合　计',
        formatYuan(columnTotal(data.rows, (row) => row.employerFen)),
        formatYuan(columnTotal(data.rows, (row) => row.personalFen)),
        formatYuan(columnTotal(data.rows, (row) => row.employerFen + row.personalFen)),
        '',
      ],
      unit: yuanUnit,
      emptyText: '该期间无缴存记录',
    },
    notes: ['“欠缴”表示该月应缴存额尚未到账。'],
  };
}

function household(data: CertificateDataOf<'household-registration'>): CertificateBody {
  return {
    facts: [
      ['民　　族', data.nation],
      ['出生日期', chineseDate(data.birthDate)],
      ['户　　号', data.householdNumber],
      ['户　　别', data.householdKind],
      ['与户主关系', data.relationToHead],
      ['入户日期', chineseDate(data.registeredOn)],
      ['户籍地址', data.address],
      ['登记机关', data.policeStation],
    ],
    statement: `兹证明上述人员户籍登记在${data.policeStation}辖区，登记信息如上。`,
    table: null,
    notes: ['本证明仅证明出具时的户籍登记信息。'],
  };
}

/** The type-specific part of a certificate: one template per type, chosen by the data's type. */
export function certificateBody(data: CertificateData): CertificateBody {
  switch (data.type) {
    case 'social-insurance-contribution':
      return socialInsurance(data);
    case 'individual-income-tax':
      return incomeTax(data);
    case 'real-estate-registration':
      return realEstate(data);
    case 'housing-provident-fund':
      return housingFund(data);
    case 'household-registration':
      return household(data);
  }
}
