import type { CardIdentity } from '../../api/index.ts';
import { idNumberCheckCharacter } from '../../privacy/id-number.ts';

/** A made-up card with a valid ID number, for device tests (test-only). */
export function testIdentity(overrides: Partial<CardIdentity> = {}): CardIdentity {
  const first17 = '11010519800101123';
  return {
    name: '张三',
    sex: '1',
    nation: '01',
    birthDate: '19800101',
    address: '北京市东城区测试路1号',
    idNumber: first17 + idNumberCheckCharacter(first17),
    issuer: '北京市公安局东城分局',
    validFrom: '20200101',
    validTo: '20400101',
    ...overrides,
  };
}
