import { describe, expect, it } from 'vitest';
import type { CardIdentity } from '../api/index.ts';
import { idNumberCheckCharacter } from '../privacy/id-number.ts';
import { cardRejection } from './card-admission.ts';

const first17 = '33010619900307123';
const card: CardIdentity = {
  name: '张伟',
  sex: '1',
  nation: '01',
  birthDate: '19900307',
  address: '浙江省杭州市西湖区',
  idNumber: first17 + idNumberCheckCharacter(first17),
  issuer: '杭州市公安局西湖分局',
  validFrom: '20160101',
  validTo: '20361122',
};
const today = new Date(2026, 10, 22);

describe('card admission', () => {
  it('admits a valid card, including on the last day of its validity', () => {
    expect(cardRejection(card, today)).toBeNull();
    expect(cardRejection({ ...card, validTo: '20261122' }, today)).toBeNull();
    expect(cardRejection({ ...card, validTo: '长期' }, today)).toBeNull();
  });

  it('rejects an expired card', () => {
    expect(cardRejection({ ...card, validTo: '20261121' }, today)).toBe('expired');
  });

  it('rejects a number with a wrong check digit or a birth date that disagrees with the card', () => {
    const wrongCheck = card.idNumber.slice(0, 17) + (card.idNumber[17] === '0' ? '1' : '0');
    expect(cardRejection({ ...card, idNumber: wrongCheck }, today)).toBe('invalid-number');
    expect(cardRejection({ ...card, birthDate: '19900308' }, today)).toBe('invalid-number');
  });
});
