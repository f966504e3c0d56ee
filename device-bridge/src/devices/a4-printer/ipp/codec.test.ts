import { describe, expect, it } from 'vitest';
import { attributesOf, decodeIpp, encodeIpp, groupTags, IppDecodeError, valueTags } from './codec.ts';
import { conditionFromReasons } from './job-state.ts';

describe('IPP codec', () => {
  it('round-trips a request with multi-valued attributes and document data', () => {
    const bytes = encodeIpp({
      code: 0x0002,
      requestId: 7,
      groups: [
        {
          tag: groupTags.operation,
          attributes: [
            { tag: valueTags.charset, name: 'attributes-charset', values: ['utf-8'] },
            { tag: valueTags.keyword, name: 'requested-attributes', values: ['job-id', 'job-state'] },
          ],
        },
        { tag: groupTags.job, attributes: [{ tag: valueTags.integer, name: 'copies', values: [3] }] },
      ],
      data: Buffer.from('%PDF-1.7'),
    });
    const message = decodeIpp(bytes);
    expect(message.code).toBe(2);
    expect(message.requestId).toBe(7);
    expect(attributesOf(message, groupTags.operation).get('requested-attributes')).toEqual(['job-id', 'job-state']);
    expect(attributesOf(message, groupTags.job).get('copies')).toEqual([3]);
    expect(message.data.toString()).toBe('%PDF-1.7');
  });

  it('refuses truncated or lying lengths instead of reading past the buffer', () => {
    const bytes = encodeIpp({
      code: 0,
      requestId: 1,
      groups: [{ tag: groupTags.printer, attributes: [{ tag: valueTags.keyword, name: 'printer-state-reasons', values: ['none'] }] }],
    });
    for (let cut = 0; cut < bytes.length - 1; cut++) expect(() => decodeIpp(bytes.subarray(0, cut))).toThrow(IppDecodeError);
    const lying = Buffer.from(bytes);
    lying.writeUInt16BE(0xffff, 10);
    expect(() => decodeIpp(lying)).toThrow(IppDecodeError);
  });
});

describe('printer-state-reasons → condition', () => {
  it.each([
    [['none'], 'ready'],
    [['media-empty-error'], 'paper-out'],
    [['media-needed'], 'paper-out'],
    [['media-low-report'], 'paper-low'],
    [['toner-low-warning'], 'paper-low'],
    [['door-open-error'], 'cover-open'],
    [['cover-open'], 'cover-open'],
    [['media-jam-error'], 'jam'],
    [['offline-report'], 'offline'],
    [['paused'], 'offline'],
    [['media-low-report', 'media-jam-error'], 'jam'],
  ] as const)('%j → %s', (reasons, condition) => {
    expect(conditionFromReasons(reasons)).toBe(condition);
  });
});
