/**
 * GB 11643-1999 citizen identity number: 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/** The check character for the first 17 digits. Throws if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birth-date' | 'check-digit';

/** Why an ID number is not valid, or null when it is. */
export function idNumberProblem(idNumber: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format';
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'birth-date';
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'check-digit';
  return null;
}

export function isValidIdNumber(idNumber: string): boolean {
  return idNumberProblem(idNumber) === null;
}

/**
 * The 2017 foreign permanent residence card's number: 3 letters (the holder's nationality) and 12
 * digits. No check character is published for it (the 2023 card moved to 18 characters so that it
 * has one), so only its shape can be checked.
 */
export function isForeignPermanent2017Number(number: string): boolean {
  return /^[A-Z]{3}\d{12}$/.test(number);
}
