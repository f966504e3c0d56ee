import { idNumberCheckCharacter } from '../../privacy/id-number.ts';
import type { CardText } from './codec/text-block.ts';
import { fixtureWlt, type SamCard } from './sam-card.ts';

/** A made-up number with a valid MOD 11-2 check character. */
const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

/**
 * Made-up cards of all four kinds the SAM reads (test and simulation only; numbers are invented,
 * with valid check characters so they pass the checks a real card passes).
 */
export const fixtureCardTexts = {
  'resident-id': {
    type: 'resident-id',
    name: '欧阳建国',
    sex: '1',
    nation: '01',
    birthDate: '19491001',
    address: '北京市东城区景山前街4号院2号楼3单元501室',
    idNumber: withCheck('11010119491001003'),
    issuer: '北京市公安局东城分局',
    validFrom: '20150301',
    validTo: '长期',
  },
  'hmt-residence-permit': {
    type: 'hmt-residence-permit',
    name: '陈美玲',
    sex: '2',
    birthDate: '19900101',
    address: '广东省深圳市福田区福华一路1号',
    idNumber: withCheck('81000019900101124'),
    issuer: '深圳市公安局',
    validFrom: '20200101',
    validTo: '20250101',
    passNumber: 'H12345678',
    issueCount: '01',
  },
  'foreign-permanent-2017': {
    type: 'foreign-permanent-2017',
    englishName: 'SMITH, JOHN',
    chineseName: '史密斯',
    sex: '1',
    cardNumber: 'CAN110078090112',
    nationality: 'CAN',
    birthDate: '19780901',
    validFrom: '20180101',
    validTo: '20280101',
    cardVersion: '17',
    issuerCode: '1500',
  },
  'foreign-permanent-2023': {
    type: 'foreign-permanent-2023',
    chineseName: '玛丽',
    englishName: 'MARTIN, MARIE',
    englishNameContinuation: '',
    sex: '2',
    renewalCount: '00',
    birthDate: '19850615',
    idNumber: withCheck('91125019850615001'),
    issuer: '国家移民管理局',
    validFrom: '20240101',
    validTo: '20340101',
    signCount: '01',
    nationality: 'FRA',
  },
} as const satisfies Record<CardText['type'], CardText>;

export type FixtureCardType = keyof typeof fixtureCardTexts;

export function fixtureSamCard(type: FixtureCardType, extra: Partial<SamCard> = {}): SamCard {
  return { text: { ...fixtureCardTexts[type] }, photo: fixtureWlt(`fixture:${type}`), ...extra };
}
