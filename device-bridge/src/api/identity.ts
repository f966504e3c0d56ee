import { z } from 'zod';

/** YYYYMMDD, as the card stores dates. */
const compactDate = z.string().regex(/^\d{8}$/, 'expected YYYYMMDD');

/**
 * The number a card holder is known by (一号申请 key): 18 characters checked by MOD 11-2 on resident
 * IDs, HK/Macao/Taiwan residence permits and the 2023 foreign permanent residence card, or the 2017
 * foreign permanent residence card's 15 (3 letters, its nationality, + 12 digits).
 */
export const idNumberSchema = z
  .string()
  .regex(/^(\d{17}[\dX]|[A-Z]{3}\d{12})$/, 'expected 17 digits and a digit or X, or 3 capital letters and 12 digits');

/**
 * Everything the resident ID card's text block holds (GA/T 467 fixed info; the four
 * layouts are in docs/id-reader-and-scanner.md). Bridge-internal: never sent to the UI, never logged.
 */
export const cardIdentitySchema = z.object({
  name: z.string().min(1).max(15),
  /** GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 unspecified */
  sex: z.enum(['0', '1', '2', '9']),
  /** GB 3304 nation code, two digits; empty on permits for HK/Macao/Taiwan residents and foreigners */
  nation: z.union([z.string().regex(/^\d{2}$/), z.literal('')]),
  birthDate: compactDate,
  address: z.string().max(35),
  idNumber: idNumberSchema,
  issuer: z.string().max(15),
  validFrom: compactDate,
  /** YYYYMMDD or 长期 (permanent) */
  validTo: z.union([compactDate, z.literal('长期')]),
  /**
   * Which card it was (absent: resident ID). Permits for HK/Macao/Taiwan residents and the 2023
   * foreign permanent residence card carry 18-character numbers checked like a citizen's; the 2017
   * foreign permanent residence card carries the 15-character one.
   */
  documentType: z.enum(['resident-id', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023']).optional(),
});
export type CardIdentity = z.infer<typeof cardIdentitySchema>;
