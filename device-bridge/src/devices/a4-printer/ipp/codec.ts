/**
 * A small IPP/1.1–2.0 message codec (RFC 8010): enough for Print-Job, Get-Job-Attributes, Get-Jobs,
 * Cancel-Job and Get-Printer-Attributes against CUPS. Pure: bytes in, values out. Every byte from
 * the printer server is untrusted, so decoding checks every length against the buffer.
 */
export const ippOperations = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
} as const;

export const groupTags = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04, unsupported: 0x05 } as const;

export const valueTags = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

export type IppValue = string | number | boolean | null;

export interface IppAttribute {
  tag: number;
  name: string;
  values: IppValue[];
}

export interface IppGroup {
  tag: number;
  attributes: IppAttribute[];
}

export interface IppMessage {
  version: [number, number];
  /** operation id in a request, status code in a response */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** document data after the end tag (Print-Job) */
  data: Buffer;
}

const integerTags = new Set<number>([valueTags.integer, valueTags.enum]);

function encodeValue(tag: number, value: IppValue): Buffer {
  if (value === null) return Buffer.alloc(0);
  if (integerTags.has(tag)) {
    const bytes = Buffer.alloc(4);
    bytes.writeInt32BE(Number(value));
    return bytes;
  }
  if (tag === valueTags.boolean) return Buffer.from([value ? 1 : 0]);
  return Buffer.from(String(value), 'utf8');
}

export function encodeIpp(message: Omit<IppMessage, 'data' | 'version'> & { data?: Buffer; version?: [number, number] }): Buffer {
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8);
  const [major, minor] = message.version ?? [2, 0];
  head.writeUInt8(major, 0);
  head.writeUInt8(minor, 1);
  head.writeUInt16BE(message.code, 2);
  head.writeUInt32BE(message.requestId, 4);
  parts.push(head);
  for (const group of message.groups) {
    parts.push(Buffer.from([group.tag]));
    for (const attribute of group.attributes) {
      attribute.values.forEach((value, index) => {
        const name = Buffer.from(index === 0 ? attribute.name : '', 'utf8');
        const encoded = encodeValue(attribute.tag, value);
        const header = Buffer.alloc(1 + 2 + name.length + 2);
        header.writeUInt8(attribute.tag, 0);
        header.writeUInt16BE(name.length, 1);
        name.copy(header, 3);
        header.writeUInt16BE(encoded.length, 3 + name.length);
        parts.push(header, encoded);
      });
    }
  }
  parts.push(Buffer.from([groupTags.end]));
  if (message.data) parts.push(message.data);
  return Buffer.concat(parts);
}

export class IppDecodeError extends Error {
  constructor(message: string) {
    super(`malformed IPP message: ${message}`);
    this.name = 'IppDecodeError';
  }
}

function decodeValue(tag: number, bytes: Buffer): IppValue {
  if (integerTags.has(tag)) {
    if (bytes.length !== 4) throw new IppDecodeError(`integer of ${bytes.length} bytes`);
    return bytes.readInt32BE(0);
  }
  if (tag === valueTags.boolean) {
    if (bytes.length !== 1) throw new IppDecodeError('boolean not 1 byte');
    return bytes[0] !== 0;
  }
  if (tag === valueTags.noValue || tag === valueTags.unknown || tag === valueTags.unsupported) return null;
  if (tag === valueTags.dateTime || tag === valueTags.resolution || tag === valueTags.rangeOfInteger || tag === valueTags.octetString) {
    return bytes.toString('hex');
  }
  return bytes.toString('utf8');
}

export function decodeIpp(buffer: Buffer): IppMessage {
  if (buffer.length < 9) throw new IppDecodeError('shorter than the 9-byte minimum');
  const message: IppMessage = {
    version: [buffer[0]!, buffer[1]!],
    code: buffer.readUInt16BE(2),
    requestId: buffer.readUInt32BE(4),
    groups: [],
    data: Buffer.alloc(0),
  };
  let offset = 8;
  let group: IppGroup | null = null;
  let last: IppAttribute | null = null;
  // collections are flattened away: CUPS answers the attributes we ask for without them
  let collectionDepth = 0;
  const need = (count: number) => {
    if (offset + count > buffer.length) throw new IppDecodeError(`needs ${count} bytes at ${offset}, has ${buffer.length - offset}`);
  };
  for (;;) {
    need(1);
    const tag = buffer[offset]!;
    if (tag === groupTags.end) {
      offset += 1;
      break;
    }
    if (tag < 0x10) {
      group = { tag, attributes: [] };
      message.groups.push(group);
      last = null;
      offset += 1;
      continue;
    }
    if (!group) throw new IppDecodeError('attribute before any group');
    need(3);
    const nameLength = buffer.readUInt16BE(offset + 1);
    need(3 + nameLength + 2);
    const name = buffer.toString('utf8', offset + 3, offset + 3 + nameLength);
    const valueLength = buffer.readUInt16BE(offset + 3 + nameLength);
    const valueStart = offset + 3 + nameLength + 2;
    need(3 + nameLength + 2 + valueLength);
    const bytes = buffer.subarray(valueStart, valueStart + valueLength);
    offset = valueStart + valueLength;
    if (tag === valueTags.begCollection) collectionDepth++;
    if (tag === valueTags.endCollection) {
      collectionDepth = Math.max(0, collectionDepth - 1);
      continue;
    }
    if (collectionDepth > 0 && tag !== valueTags.begCollection) continue;
    const value = tag === valueTags.begCollection ? null : decodeValue(tag, bytes);
    if (nameLength === 0) {
      if (!last) throw new IppDecodeError('additional value without an attribute');
      last.values.push(value);
    } else {
      last = { tag, name, values: [value] };
      group.attributes.push(last);
    }
  }
  message.data = buffer.subarray(offset);
  return message;
}

/** The first group with this tag, as a name → values map. */
export function attributesOf(message: IppMessage, groupTag: number): Map<string, IppValue[]> {
  const map = new Map<string, IppValue[]>();
  for (const group of message.groups) {
    if (group.tag !== groupTag) continue;
    for (const attribute of group.attributes) map.set(attribute.name, attribute.values);
  }
  return map;
}

/** Every group with this tag (Get-Jobs answers one job group per job). */
export function groupsOf(message: IppMessage, groupTag: number): Array<Map<string, IppValue[]>> {
  return message.groups
    .filter((group) => group.tag === groupTag)
    .map((group) => new Map(group.attributes.map((attribute) => [attribute.name, attribute.values])));
}

/** Status codes 0x0000–0x00FF are successful. */
export function isSuccess(statusCode: number): boolean {
  return statusCode < 0x0100;
}
