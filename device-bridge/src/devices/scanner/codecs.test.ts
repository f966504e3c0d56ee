import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHidPosAssembler, encodeHidPosReports } from './hid-pos-codec.ts';
import { createLineDecoder } from './line-codec.ts';
import { checkScanText, maxScanLength } from './scan-text.ts';

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('scanned text checks', () => {
  it('accepts ordinary codes, Chinese included, and refuses control characters, bidi tricks and overlong text', () => {
    expect(checkScanText('https://example.cn/验证?a=1')).toEqual({ ok: true, text: 'https://example.cn/验证?a=1' });
    expect(checkScanText('')).toMatchObject({ reason: 'empty' });
    expect(checkScanText('a\u001bb')).toMatchObject({ reason: 'control-characters' });
    expect(checkScanText('abc\u202edcb')).toMatchObject({ reason: 'control-characters' });
    expect(checkScanText('x'.repeat(maxScanLength + 1))).toMatchObject({ reason: 'too-long' });
  });
});

describe('USB-CDC line decoder', () => {
  it('splits codes at the suffix whatever the chunking', () => {
    const decoder = createLineDecoder('crlf');
    const results = [
      ...decoder.push(bytes('tongban:app')),
      ...decoder.push(bytes('ointment:A1\r')),
      ...decoder.push(bytes('\n二维码\r\n')),
    ];
    expect(results).toEqual([
      { ok: true, text: 'tongban:appointment:A1' },
      { ok: true, text: '二维码' },
    ]);
  });

  it('drops an endless line once, bounded, and carries on after the next suffix', () => {
    const decoder = createLineDecoder('cr');
    const flood = new Uint8Array(100_000).fill(0x41);
    const results = [...decoder.push(flood), ...decoder.push(flood), ...decoder.push(bytes('\rnext\r'))];
    expect(results).toEqual([
      { ok: false, reason: 'too-long' },
      { ok: true, text: 'next' },
    ]);
    expect(decoder.buffered()).toBe(0);
  });

  it('rejects invalid UTF-8', () => {
    expect(createLineDecoder('lf').push(Uint8Array.of(0xff, 0xfe, 0x0a))).toEqual([{ ok: false, reason: 'invalid-encoding' }]);
  });

  it('never throws and stays bounded on random bytes (2 000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3_000 }), { maxLength: 10 }), (chunks) => {
        const decoder = createLineDecoder('crlf');
        for (const chunk of chunks) decoder.push(chunk);
        expect(decoder.buffered()).toBeLessThanOrEqual(maxScanLength * 4 + 2);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('HID POS reports', () => {
  it('assembles a long code from several reports (continued flag)', () => {
    const text = `https://verify.tongban.example/certificates?no=${'9'.repeat(80)}&code=ABCD`;
    const reports = encodeHidPosReports(text);
    expect(reports.length).toBeGreaterThan(2);
    const assembler = createHidPosAssembler();
    const results = reports.map((report) => assembler.push(report));
    expect(results.slice(0, -1)).toEqual(reports.slice(0, -1).map(() => null));
    expect(results.at(-1)).toEqual({ ok: true, text });
  });

  it('rejects reports with the wrong id, size or length byte', () => {
    const assembler = createHidPosAssembler();
    const report = encodeHidPosReports('abc')[0]!;
    expect(assembler.push(report.slice(0, 10))).toMatchObject({ reason: 'malformed-report' });
    const wrongId = Uint8Array.from(report);
    wrongId[0] = 0x01;
    expect(assembler.push(wrongId)).toMatchObject({ reason: 'malformed-report' });
    const wrongLength = Uint8Array.from(report);
    wrongLength[1] = 60;
    expect(assembler.push(wrongLength)).toMatchObject({ reason: 'malformed-report' });
    expect(assembler.push(report)).toEqual({ ok: true, text: 'abc' });
  });

  it('never throws on random reports (2 000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 64, maxLength: 64 }), { maxLength: 200 }), (reports) => {
        const assembler = createHidPosAssembler();
        for (const report of reports) assembler.push(report);
      }),
      { numRuns: 2_000 },
    );
  });
});
