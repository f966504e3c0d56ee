import { describe, expect, it } from 'vitest';
import { cardIdentitySchema } from '../../api/index.ts';
import { maskIdNumber } from '../../privacy/mask.ts';
import { cardRejection } from '../../session/card-admission.ts';
import { sessionView } from '../../session/session-holder.ts';
import { identityOf } from './card-identity.ts';
import { fixtureCardTexts, type FixtureCardType } from './fixture-cards.ts';
import { cardTextOf } from './sam-card.ts';

// a day on which every fixture card is valid
const today = new Date(2024, 5, 1);
const numberOf = (type: FixtureCardType): string => {
  const text = fixtureCardTexts[type];
  return 'cardNumber' in text ? text.cardNumber : text.idNumber;
};

describe('identity from a decoded card', () => {
  it.each(Object.keys(fixtureCardTexts) as FixtureCardType[])('a %s becomes an identity that may open a session', (type) => {
    const identity = identityOf(fixtureCardTexts[type]);
    expect(cardIdentitySchema.parse(identity)).toEqual(identity);
    expect(identity.idNumber).toBe(numberOf(type));
    expect(identity.documentType ?? 'resident-id').toBe(type);
    expect(cardRejection(identity, today)).toBeNull();
  });

  it('the 2017 foreign card keys on its 15-character number, masked first 6 + last 4 like any other', () => {
    const identity = identityOf(fixtureCardTexts['foreign-permanent-2017']);
    expect(identity).toMatchObject({
      idNumber: 'CAN110078090112',
      name: '史密斯',
      nation: '',
      address: '',
      documentType: 'foreign-permanent-2017',
    });
    expect(maskIdNumber(identity.idNumber)).toBe('CAN110*****0112');
    const view = sessionView({ id: 's', identity, startedAt: today }, today);
    expect(view).toMatchObject({ maskedIdNumber: 'CAN110*****0112', maskedName: '史**', salutation: 'male', elder: false });
  });

  it('a 2017 card without a Chinese name opens with its English name, cut to the identity’s 15 characters', () => {
    const card = { ...fixtureCardTexts['foreign-permanent-2017'], chineseName: '', englishName: 'VAN DER BERG, JOHANNES MAXIMILIAN' };
    expect(identityOf(card).name).toBe('VAN DER BERG, J');
  });

  it('a 2017 identity is only admitted with the 3 letters + 12 digits shape, and still expires', () => {
    const identity = identityOf(fixtureCardTexts['foreign-permanent-2017']);
    expect(cardRejection({ ...identity, idNumber: 'CA1110078090112' }, today)).toBe('invalid-number');
    expect(cardRejection({ ...identity, documentType: undefined }, today)).toBe('invalid-number');
    expect(cardRejection({ ...identity, validTo: '20240531' }, today)).toBe('expired');
  });

  it('an identity placed through /api/sim round-trips through the card text of its type', () => {
    for (const type of Object.keys(fixtureCardTexts) as FixtureCardType[]) {
      const identity = identityOf(fixtureCardTexts[type]);
      expect(identityOf(cardTextOf(identity)), type).toEqual(identity);
    }
  });
});
