import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateData, CertificateType } from '../api/index.ts';
import { certificateTypes } from '../api/index.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import type { Platform } from '../platform/platform.ts';
import type { Clock } from '../time/clock.ts';
import { createCertificateRenderer } from './certificate-renderer.ts';
import { pdfInfo, pdfText } from './poppler-test-tools.ts';
import { contentDigest } from './content-digest.ts';
import { verifySignedQr } from './qr-signature.ts';

const clock: Clock = {
  now: () => new Date('2026-11-22T10:15:00+08:00'),
  setTimeout: () => {
    throw new Error('rendering should not wait');
  },
  clearTimeout: () => undefined,
};
const keys = generateKeyPairSync('ed25519');
const renderer = createCertificateRenderer({
  issuer: '通办示例市社会保险事业管理中心',
  validityDays: 90,
  verificationBaseUrl: 'https://verify.example/c',
  key: Buffer.alloc(32, 7),
  signingKey: keys.privateKey,
  clock,
});
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the five certificate types', () => {
  let platform: Platform;
  beforeAll(() => {
    platform = createEmbeddedPlatform({ file: ':memory:', clock });
  });
  afterAll(() => platform.close());

  async function recordOf(type: CertificateType, fixture: string): Promise<CertificateData> {
    const data = await platform.getCertificateData(type, fixtureCitizen(fixture).card);
    if (!data) throw new Error(`${fixture} has no ${type} record`);
    return data;
  }

  it('lists all five with their official titles', async () => {
    const titles = (await platform.listCertificateTypes()).map((info) => info.title);
    expect(titles).toEqual(['社会保险参保缴费证明', '个人所得税纳税记录', '不动产登记信息查询结果', '住房公积金缴存证明', '户籍证明']);
    expect((await platform.listCertificateTypes()).map((info) => info.type)).toEqual([...certificateTypes]);
  });

  it.each([
    [
      'individual-income-tax',
      'zhang-wei',
      ['个人所得税纳税记录', '国家税务总局杭州市西湖区税务局', '工资薪金所得', '实缴(退)税额', '合计'],
    ],
    [
      'real-estate-registration',
      'ouyang-mingyuan',
      ['不动产登记信息查询结果', '浙(2017)杭州市不动产权第0087215号', '112.47', '车位', '杭州市不动产登记服务中心'],
    ],
    ['real-estate-registration', 'li-na', ['未发现上述人员名下有不动产登记记录', '未查询到不动产登记记录']],
    ['housing-provident-fund', 'li-na', ['住房公积金缴存证明', '3301020987654321', '欠缴', '杭州住房公积金管理中心']],
    [
      'household-registration',
      'zhao-guilan',
      ['户籍证明', '满族', '1946年01月05日', '杭州市公安局上城分局凯旋派出所', '凯旋路86号2幢101室'],
    ],
  ] as const)('%s for %s carries its facts, the issuer, masked ID, validity and page numbers', async (type, fixture, expected) => {
    const data = await recordOf(type, fixture);
    const rendered = await renderer.render(data, 'TB20261122-TEST0001');
    const text = compact(pdfText(rendered.pdf));
    const card = fixtureCitizen(fixture).card;
    for (const piece of expected) expect(text).toContain(compact(piece));
    expect(text).toContain(card.name);
    expect(text).toContain(`${card.idNumber.slice(0, 6)}********${card.idNumber.slice(-4)}`);
    expect(text).not.toContain(card.idNumber);
    expect(text).toContain('有效期至2027年02月20日');
    expect(text).toContain(`第1页共${rendered.pages}页`);
    expect(text).toContain(rendered.verificationCode.match(/.{4}/g)!.join('-'));
    expect(rendered.pdf.length).toBeLessThan(150_000);
    expect(renderer.preview(data).pages).toBe(rendered.pages);
  });

  it('has no tax or fund record for a child, and no record at all for an unknown person', async () => {
    expect(await platform.getCertificateData('individual-income-tax', fixtureCitizen('wang-xiaoyu').card)).toBeNull();
    expect(await platform.getCertificateData('housing-provident-fund', fixtureCitizen('wang-xiaoyu').card)).toBeNull();
    const stranger = { ...fixtureCitizen('zhang-wei').card, name: '张薇' };
    expect(await platform.getCertificateData('household-registration', stranger)).toBeNull();
  });

  it('signs the QR payload with Ed25519: a receiver checks it offline and sees the same number, code and validity', async () => {
    const record = await recordOf('housing-provident-fund', 'zhang-wei');
    const rendered = await renderer.render(record, 'TB20261122-TEST0002');
    const check = verifySignedQr(rendered.qrText, keys.publicKey);
    expect(check).toEqual({
      valid: true,
      fields: {
        number: 'TB20261122-TEST0002',
        code: rendered.verificationCode,
        type: 'housing-provident-fund',
        maskedIdNumber: rendered.preview.maskedIdNumber,
        maskedName: '张*',
        contentDigest: contentDigest(record, 'TB20261122-TEST0002'),
        issuedOn: '2026-11-22',
        validUntil: '2027-02-20',
      },
    });
    expect(verifySignedQr(rendered.qrText.replace('2027-02-20', '2027-12-20'), keys.publicKey).valid).toBe(false);
    // the same genuine QR does not fit a certificate whose content was changed
    if (record.type !== 'housing-provident-fund') throw new Error('type');
    expect(contentDigest({ ...record, rows: record.rows.slice(1) }, 'TB20261122-TEST0002')).not.toBe(
      contentDigest(record, 'TB20261122-TEST0002'),
    );
  });

  it('renders a 200-row table over several pages with the header repeated and 第 n 页 共 m 页 on each', async () => {
    const base = await recordOf('individual-income-tax', 'zhang-wei');
    if (base.type !== 'individual-income-tax') throw new Error('type');
    const rows = Array.from({ length: 200 }, (_, index) => ({ ...base.rows[index % base.rows.length]!, taxFen: 1000 + index }));
    const rendered = await renderer.render({ ...base, rows }, 'TB20261122-TEST0003');
    expect(rendered.pages).toBeGreaterThan(4);
    expect(renderer.preview({ ...base, rows }).pages).toBe(rendered.pages);
    const pages = pdfText(rendered.pdf)
      .split('\f')
      .filter((page) => page.trim())
      .map(compact);
    expect(pages).toHaveLength(rendered.pages);
    pages.forEach((page, index) => {
      expect(page).toContain('税款所属期');
      expect(page).toContain(`第${index + 1}页共${rendered.pages}页`);
    });
    for (let index = 0; index < 200; index++)
      expect(pages.join('')).toContain(`${(1000 + index) / 100}`.replace(/^(\d+)\.(\d)$/, '$1.$20'));
    expect(pdfInfo(rendered.pdf)['Pages']).toBe(String(rendered.pages));
  });

  it('wraps a very long address and a long name instead of cutting them off, and keeps rare characters', async () => {
    const base = await recordOf('household-registration', 'zhang-wei');
    if (base.type !== 'household-registration') throw new Error('type');
    const address =
      '浙江省杭州市西湖区文三路478号华星时代广场A座东南侧裙楼商住两用公寓3幢2单元第五层东户501室（原文三路四七八号旧门牌）及其附属储藏间与地下一层车库';
    // 𠇔 (U+201D4, Extension B) is not in Noto Sans SC: drawn as a code-point box, carried as ActualText
    const name = '爨龘䶮𠇔奣乂';
    const rendered = await renderer.render({ ...base, holderName: name, address }, 'TB20261122-TEST0004');
    const text = compact(pdfText(rendered.pdf));
    expect(text).toContain(compact(address));
    expect(text).toContain('爨龘䶮');
    expect(text).toContain('奣乂');
    // text extraction finds the real character (ActualText), wherever it places the span
    expect(text).toContain('𠇔');
  });
});
