import { createHash } from 'node:crypto';
import type { CardIdentity } from '../../api/index.ts';
import type { CardText } from './codec/text-block.ts';
import { wltPhotoBytes } from './photo-decoder.ts';

/**
 * A card as the SAM simulator holds it: what its chip would return. `text` is either a card the
 * codec can encode or raw bytes (to present damaged or unknown-type cards byte for byte).
 */
export interface SamCard {
  text: CardText | Uint8Array;
  /** 1024 opaque WLT bytes */
  photo: Uint8Array;
  /** 0, 512 or 1024 bytes (two templates) returned by read-with-fingerprint */
  fingerprint?: Uint8Array;
  /** the newest address appended by a police station (30 03); absent = SW3 0x91 */
  appendedAddress?: string;
  /** a card the SAM finds but cannot read (damaged chip): reads answer 0x41 */
  damaged?: boolean;
}

/**
 * A deterministic, opaque stand-in for a card's WLT photo: the "WLf" magic real samples start
 * with, then bytes derived from `seed`. Nobody can decode it (there is no open decoder), which is
 * the point: the photo travels like the real one and a fixture decoder can recognise it by bytes.
 */
export function fixtureWlt(seed: string): Uint8Array {
  const photo = new Uint8Array(wltPhotoBytes);
  photo.set([0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00, 0x32, 0x00], 0);
  let block = createHash('sha256').update(`wlt:${seed}`).digest();
  for (let offset = 8; offset < photo.length; offset += block.length) {
    photo.set(block.subarray(0, Math.min(block.length, photo.length - offset)), offset);
    block = createHash('sha256').update(block).digest();
  }
  return photo;
}

/** The card text for an identity placed through /api/sim (resident ID unless it says otherwise). */
export function cardTextOf(identity: CardIdentity): CardText {
  switch (identity.documentType ?? 'resident-id') {
    case 'hmt-residence-permit':
      return {
        type: 'hmt-residence-permit',
        name: identity.name,
        sex: identity.sex,
        birthDate: identity.birthDate,
        address: identity.address,
        idNumber: identity.idNumber,
        issuer: identity.issuer,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        passNumber: 'H00000000',
        issueCount: '01',
      };
    case 'foreign-permanent-2017':
      return {
        type: 'foreign-permanent-2017',
        englishName: identity.name,
        chineseName: identity.name,
        sex: identity.sex,
        cardNumber: identity.idNumber,
        nationality: identity.idNumber.slice(0, 3),
        birthDate: identity.birthDate,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        cardVersion: '17',
        issuerCode: '1500',
      };
    case 'foreign-permanent-2023':
      return {
        type: 'foreign-permanent-2023',
        chineseName: identity.name,
        englishName: identity.name,
        englishNameContinuation: '',
        sex: identity.sex,
        renewalCount: '00',
        birthDate: identity.birthDate,
        idNumber: identity.idNumber,
        issuer: identity.issuer,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        signCount: '01',
        nationality: '',
      };
    default:
      return {
        type: 'resident-id',
        name: identity.name,
        sex: identity.sex,
        nation: identity.nation,
        birthDate: identity.birthDate,
        address: identity.address,
        idNumber: identity.idNumber,
        issuer: identity.issuer,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
      };
  }
}

/** A SAM card for an identity, its photo derived from the ID number so each citizen has their own. */
export function samCardOf(identity: CardIdentity): SamCard {
  return { text: cardTextOf(identity), photo: fixtureWlt(identity.idNumber) };
}
