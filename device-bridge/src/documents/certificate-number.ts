import { chinaCalendarDate } from '../platform/china-time.ts';
import { encodeCrockford } from './crockford.ts';

/**
 * SB20261122-7K3Q9M2X: 社保 prefix, the issue date (China time) so staff can tell a certificate's age
 * at a glance, and 8 Crockford base32 characters (40 bits) from the injected random source so
 * numbers cannot be enumerated by a receiver.
 */
export function newCertificateNumber(now: Date, randomBytes: (n: number) => Buffer): string {
  const { year, month, day } = chinaCalendarDate(now);
  const date = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return `SB${date}-${encodeCrockford(randomBytes(5), 8)}`;
}
