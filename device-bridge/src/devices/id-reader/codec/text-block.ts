import { idNumberProblem, isForeignPermanent2017Number } from '../../../privacy/id-number.ts';
import { nationName } from './nations.ts';

/** spaces and NULs around a field: padding, not content */
// eslint-disable-next-line no-control-regex
const paddingAtEnds = /^[ \u0000]+|[ \u0000]+$/g;
/**
 * The 256-byte text block of a card (UCS-2LE, space padded). Four layouts share
 * the block, told apart by the flag character at bytes 248–249. Pure: decode validates every field
 * (the bytes come off a card and a serial line) and encode builds blocks for the simulator.
 */
export const textBlockBytes = 256;
const flagOffset = 248;

export type CardType = 'resident-id' | 'hmt-residence-permit' | 'foreign-permanent-2017' | 'foreign-permanent-2023';
/** GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 unspecified */
export type SexCode = '0' | '1' | '2' | '9';
/** YYYYMMDD; a validity end may be 长期 (permanent) */
export type CardDate = string;

export interface ResidentIdText {
  type: 'resident-id';
  name: string;
  sex: SexCode;
  /** GB 3304 code, e.g. "01" */
  nation: string;
  birthDate: CardDate;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: CardDate;
  validTo: CardDate;
}

/** 港澳台居民居住证 ('J'): the resident layout without nation, plus the travel-permit number. */
export interface HmtResidencePermitText extends Omit<ResidentIdText, 'type' | 'nation'> {
  type: 'hmt-residence-permit';
  /** 通行证号码 */
  passNumber: string;
  /** 签发次数 */
  issueCount: string;
}

/** 外国人永久居留身份证, 2017 version ('I'): a 15-character number (3 letters + 12 digits). */
export interface ForeignPermanent2017Text {
  type: 'foreign-permanent-2017';
  englishName: string;
  chineseName: string;
  sex: SexCode;
  cardNumber: string;
  /** GB/T 2659 alpha-3, e.g. "CAN" */
  nationality: string;
  birthDate: CardDate;
  validFrom: CardDate;
  validTo: CardDate;
  cardVersion: string;
  issuerCode: string;
}

/**
 * 外国人永久居留身份证, 2023 version ('Y'): an 18-digit number starting with 9 and checked like a
 * citizen's (MOD 11-2). The meaning of the fields at @220 and @238 follows vendor SDK naming.
 */
export interface ForeignPermanent2023Text {
  type: 'foreign-permanent-2023';
  chineseName: string;
  englishName: string;
  englishNameContinuation: string;
  sex: SexCode;
  renewalCount: string;
  birthDate: CardDate;
  idNumber: string;
  issuer: string;
  validFrom: CardDate;
  validTo: CardDate;
  signCount: string;
  nationality: string;
}

export type CardText = ResidentIdText | HmtResidencePermitText | ForeignPermanent2017Text | ForeignPermanent2023Text;

export type TextProblem =
  { problem: 'unknown-card-type'; flag: string } | { problem: 'invalid-number' } | { problem: 'invalid-field'; field: string };

export type TextDecodeResult = { ok: true; card: CardText } | ({ ok: false } & TextProblem);

const flags: Record<string, CardType> = {
  ' ': 'resident-id',
  J: 'hmt-residence-permit',
  I: 'foreign-permanent-2017',
  Y: 'foreign-permanent-2023',
};
const flagOf: Record<CardType, string> = {
  'resident-id': ' ',
  'hmt-residence-permit': 'J',
  'foreign-permanent-2017': 'I',
  'foreign-permanent-2023': 'Y',
};

/** [offset, bytes] of every field per layout */
const layouts = {
  'resident-id': {
    name: [0, 30],
    sex: [30, 2],
    nation: [32, 4],
    birthDate: [36, 16],
    address: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
  },
  'hmt-residence-permit': {
    name: [0, 30],
    sex: [30, 2],
    birthDate: [36, 16],
    address: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    passNumber: [220, 18],
    issueCount: [238, 4],
  },
  'foreign-permanent-2017': {
    englishName: [0, 120],
    sex: [120, 2],
    cardNumber: [122, 30],
    nationality: [152, 6],
    chineseName: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    birthDate: [220, 16],
    cardVersion: [236, 4],
    issuerCode: [240, 8],
  },
  'foreign-permanent-2023': {
    chineseName: [0, 30],
    sex: [30, 2],
    renewalCount: [32, 4],
    birthDate: [36, 16],
    englishName: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    englishNameContinuation: [220, 18],
    signCount: [238, 4],
    nationality: [242, 6],
  },
} as const satisfies Record<CardType, Record<string, readonly [number, number]>>;

function readField(block: Uint8Array, [offset, bytes]: readonly [number, number]): string {
  const text = Buffer.from(block.buffer, block.byteOffset + offset, bytes).toString('utf16le');
  // padding is spaces; some writers pad with NULs
  return text.replace(paddingAtEnds, '');
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Control characters and lone surrogates never belong on a card: such a block is damaged data.
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function decodeCardText(block: Uint8Array): TextDecodeResult {
  if (block.length !== textBlockBytes) return { ok: false, problem: 'invalid-field', field: 'text-length' };
  const flag = readField(block, [flagOffset, 2]) || ' ';
  const type = flags[flag];
  if (!type) return { ok: false, problem: 'unknown-card-type', flag };
  const fields: Record<string, string> = {};
  for (const [field, place] of Object.entries(layouts[type])) {
    const value = readField(block, place);
    if (unprintable.test(value)) return { ok: false, problem: 'invalid-field', field };
    fields[field] = value;
  }
  const card = { type, ...fields } as CardText;
  const problem = validate(card);
  return problem ? { ok: false, ...problem } : { ok: true, card };
}

function validate(card: CardText): TextProblem | null {
  const bad = (field: string): TextProblem => ({ problem: 'invalid-field', field });
  if (!['0', '1', '2', '9'].includes(card.sex)) return bad('sex');
  if (!isCalendarDate(card.birthDate)) return bad('birthDate');
  if (!isCalendarDate(card.validFrom)) return bad('validFrom');
  if (card.validTo !== '长期' && !isCalendarDate(card.validTo)) return bad('validTo');
  switch (card.type) {
    case 'resident-id':
      if (card.name === '') return bad('name');
      if (nationName(card.nation) === null) return bad('nation');
      if (idNumberProblem(card.idNumber) !== null) return { problem: 'invalid-number' };
      // region codes 81/82/83 and 9 are only issued on the permits below
      if (/^(8[123]|9)/.test(card.idNumber)) return { problem: 'invalid-number' };
      return null;
    case 'hmt-residence-permit':
      if (card.name === '') return bad('name');
      if (idNumberProblem(card.idNumber) !== null || !/^8[123]0000/.test(card.idNumber)) return { problem: 'invalid-number' };
      if (!/^[A-Z0-9]{1,9}$/.test(card.passNumber)) return bad('passNumber');
      return null;
    case 'foreign-permanent-2017':
      if (card.englishName === '') return bad('englishName');
      // no check character is published for this number: only its shape can be checked
      if (!isForeignPermanent2017Number(card.cardNumber)) return { problem: 'invalid-number' };
      if (!/^[A-Z]{3}$/.test(card.nationality)) return bad('nationality');
      return null;
    case 'foreign-permanent-2023':
      if (card.chineseName === '' && card.englishName === '') return bad('name');
      if (idNumberProblem(card.idNumber) !== null || !card.idNumber.startsWith('9')) return { problem: 'invalid-number' };
      return null;
  }
}

/** Builds a text block (for the simulator and fixtures). Throws when a value does not fit its field. */
export function encodeCardText(card: CardText): Uint8Array {
  const block = Buffer.from(' '.repeat(textBlockBytes / 2), 'utf16le');
  const layout = layouts[card.type] as Record<string, readonly [number, number]>;
  for (const [field, [offset, bytes]] of Object.entries(layout)) {
    const value = (card as unknown as Record<string, string>)[field] ?? '';
    const encoded = Buffer.from(value, 'utf16le');
    if (encoded.length > bytes) throw new Error(`${card.type} ${field} "${value}" is longer than ${bytes / 2} characters`);
    encoded.copy(block, offset);
  }
  Buffer.from(flagOf[card.type], 'utf16le').copy(block, flagOffset);
  return new Uint8Array(block);
}
