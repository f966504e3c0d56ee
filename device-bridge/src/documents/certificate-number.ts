import type { CertificateType } from '../api/index.ts';
import { chinaCalendarDate } from '../platform/china-time.ts';
import { encodeCrockford } from './crockford.ts';

/**
 * Each certificate type's own two-letter prefix (pinyin initials), so staff can tell from the number
 * alone which kind of certificate a receiver is asking about.
 */
export const certificateNumberPrefixes: Readonly<Record<CertificateType, string>> = {
  'social-insurance-contribution': 'SB', // 社保
  'individual-income-tax': 'GS', // 个税
  'real-estate-registration': 'BD', // 不动产
  'housing-provident-fund': 'GJ', // 公积金
  'household-registration': 'HJ', // 户籍
};

/**
 * GS20261122-7K3Q9M2X: the type's prefix, the issue date (China time) so staff can tell a
 * certificate's age at a glance, and 8 Crockford base32 characters (40 bits) from the injected
 * random source so numbers cannot be enumerated by a receiver.
 */
export function newCertificateNumber(now: Date, randomBytes: (n: number) => Buffer, type: CertificateType): string {
  const { year, month, day } = chinaCalendarDate(now);
  const date = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return `${certificateNumberPrefixes[type]}${date}-${encodeCrockford(randomBytes(5), 8)}`;
}
