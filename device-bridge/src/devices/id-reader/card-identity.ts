import type { CardIdentity } from '../../api/index.ts';
import type { CardText } from './codec/text-block.ts';

/**
 * The identity a session opens with, from a decoded card of any of the four types. The session, the
 * platform and masking key on the card's number: 18 characters checked by MOD 11-2 on resident IDs,
 * HK/Macao/Taiwan residence permits and the 2023 foreign permanent residence card; the 2017 foreign
 * card's 15 (3 letters + 12 digits, shape-checked only). Foreign cards carry no address; a name
 * longer than the identity's 15 characters (an English name) is cut there, as on the 2023 card.
 */
export function identityOf(card: CardText, appendedAddress: string | null = null): CardIdentity {
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
      return {
        name: (card.chineseName || card.englishName).slice(0, 15),
        sex: card.sex,
        nation: '',
        birthDate: card.birthDate,
        address: '',
        idNumber: card.cardNumber,
        // the card holds only a code for its issuing authority (issuerCode), not a name to show
        issuer: '',
        validFrom: card.validFrom,
        validTo: card.validTo,
        documentType: 'foreign-permanent-2017',
      };
  }
}
