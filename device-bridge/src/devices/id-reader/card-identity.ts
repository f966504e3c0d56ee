import type { CardIdentity } from '../../api/index.ts';
import type { CardText } from './codec/text-block.ts';

/**
 * The identity a session opens with, from a decoded card. The session, the platform and masking
 * all key on an 18-character number checked by MOD 11-2: resident IDs, HK/Macao/Taiwan residence
 * permits and the 2023 foreign permanent residence card have one. The 2017 foreign card's number is
 * 3 letters + 12 digits with no published check character, so it cannot open a session: null.
 */
export function identityOf(card: CardText, appendedAddress: string | null = null): CardIdentity | null {
  switch (card.type) {
    case 'resident-id':
      return {
        name: card.name,
        sex: card.sex,
        nation: card.nation,
        birthDate: card.birthDate,
        // the newest address a police station appended replaces the one printed at issue
        address: appendedAddress ?? card.address,
        idNumber: card.idNumber,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
      };
    case 'hmt-residence-permit':
      return {
        name: card.name,
        sex: card.sex,
        nation: '',
        birthDate: card.birthDate,
        address: card.address,
        idNumber: card.idNumber,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
        documentType: 'hmt-residence-permit',
      };
    case 'foreign-permanent-2023':
      return {
        name: (card.chineseName || card.englishName).slice(0, 15),
        sex: card.sex,
        nation: '',
        birthDate: card.birthDate,
        address: '',
        idNumber: card.idNumber,
        issuer: card.issuer,
        validFrom: card.validFrom,
        validTo: card.validTo,
        documentType: 'foreign-permanent-2023',
      };
    case 'foreign-permanent-2017':
      return null;
  }
}
