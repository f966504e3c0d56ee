import type { SimFixture } from '../../api/index.ts';
import { idNumberCheckCharacter } from '../../privacy/id-number.ts';

/**
 * GB 11643 number from its parts: the check character is computed, never typed, so a typo in a
 * fixture cannot produce a card the reader driver would reject.
 * `sequence` is the 3-digit order code: odd for men, even for women.
 */
function idNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = region + birthDate + sequence;
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * The demo citizens a tester can place on the simulated reader (GET /api/sim/fixtures) and whose
 * records the embedded platform holds. Birth dates are fixed, chosen to give the described ages in
 * 2026. All live in Hangzhou (region codes 3301xx); zhao-guilan's 330104 is the former 江干区 code,
 * still on cards issued before the 2021 district merger.
 */
export const fixtureCitizens: SimFixture[] = [
  {
    id: 'zhang-wei',
    label: '35-year-old man, employee in Hangzhou, pension contributions paid',
    card: {
      name: '张伟',
      sex: '1',
      nation: '01',
      birthDate: '19910314',
      address: '浙江省杭州市西湖区文三路478号3幢2单元501室',
      idNumber: idNumber('330106', '19910314', '217'),
      issuer: '杭州市公安局西湖分局',
      validFrom: '20180620',
      validTo: '20380620',
    },
  },
  {
    id: 'li-na',
    label: '29-year-old woman, employee; last month not yet paid by the employer',
    card: {
      name: '李娜',
      sex: '2',
      nation: '01',
      birthDate: '19970822',
      address: '浙江省杭州市上城区解放路128号6幢302室',
      idNumber: idNumber('330102', '19970822', '046'),
      issuer: '杭州市公安局上城分局',
      validFrom: '20190902',
      validTo: '20290902',
    },
  },
  {
    id: 'wang-xiaoyu',
    label: '10-year-old girl, resident medical insurance paid by the household',
    card: {
      name: '王小雨',
      sex: '2',
      nation: '01',
      birthDate: '20160509',
      address: '浙江省杭州市滨江区江南大道588号11幢1203室',
      idNumber: idNumber('330108', '20160509', '128'),
      issuer: '杭州市公安局滨江分局',
      validFrom: '20230715',
      validTo: '20280715',
    },
  },
  {
    id: 'zhao-guilan',
    label: '80-year-old woman (Manchu), card valid 长期, resident medical insurance',
    card: {
      name: '赵桂兰',
      sex: '2',
      nation: '11',
      birthDate: '19460105',
      address: '浙江省杭州市上城区凯旋路86号2幢101室',
      idNumber: idNumber('330104', '19460105', '062'),
      issuer: '杭州市公安局江干分局',
      validFrom: '20060418',
      validTo: '长期',
    },
  },
  {
    id: 'ouyang-mingyuan',
    label: '58-year-old man, compound surname 欧阳, ID number ending in X',
    card: {
      name: '欧阳明远',
      sex: '1',
      nation: '01',
      birthDate: '19680917',
      address: '浙江省杭州市拱墅区湖墅南路206号5幢701室',
      idNumber: idNumber('330105', '19680917', '105'),
      issuer: '杭州市公安局拱墅分局',
      validFrom: '20100311',
      validTo: '20300311',
    },
  },
  {
    id: 'chen-expired',
    label: 'adult man whose card expired in 2025 (the bridge must refuse it)',
    card: {
      name: '陈晓东',
      sex: '1',
      nation: '01',
      birthDate: '19990611',
      address: '浙江省杭州市余杭区文一西路969号8幢402室',
      idNumber: idNumber('330110', '19990611', '073'),
      issuer: '杭州市公安局余杭分局',
      validFrom: '20151120',
      validTo: '20251120',
    },
  },
];

/** The fixture with this id; throws on an unknown id so a typo in a test fails loudly. */
export function fixtureCitizen(id: string): SimFixture {
  const fixture = fixtureCitizens.find((candidate) => candidate.id === id);
  if (!fixture) throw new Error(`no fixture citizen "${id}"`);
  return fixture;
}
