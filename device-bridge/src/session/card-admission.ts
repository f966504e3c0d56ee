import type { CardIdentity } from '../api/index.ts';
import { cardRejectionReasons } from '../api/index.ts';
import { idNumberProblem, isForeignPermanent2017Number } from '../privacy/id-number.ts';

export type CardRejection = (typeof cardRejectionReasons)[number];

/** Local calendar date as YYYYMMDD, the form the card stores. */
export function compactDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/**
 * Whether a card that was read may open a session. Every byte from a device is untrusted: an
 * 18-character number must carry a valid GB 11643 check digit and a birth date that matches the
 * card; the 2017 foreign card's 15-character number, which has neither, must have its shape. The
 * card must be within its validity period (the last valid day counts).
 */
export function cardRejection(identity: CardIdentity, today: Date): CardRejection | null {
  if (identity.documentType === 'foreign-permanent-2017') {
    if (!isForeignPermanent2017Number(identity.idNumber)) return 'invalid-number';
  } else {
    if (idNumberProblem(identity.idNumber) !== null) return 'invalid-number';
    if (identity.idNumber.slice(6, 14) !== identity.birthDate) return 'invalid-number';
  }
  if (identity.validTo !== '长期' && identity.validTo < compactDate(today)) return 'expired';
  return null;
}
