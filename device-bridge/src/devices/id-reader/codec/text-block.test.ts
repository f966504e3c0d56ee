import { describe, expect, it } from 'vitest';
import { fixtureCardTexts } from '../fixture-cards.ts';
import { nationName } from './nations.ts';
import { decodeCardText, encodeCardText, textBlockBytes } from './text-block.ts';

describe('card text block', () => {
  it.each(Object.values(fixtureCardTexts))('round-trips a $type card through the 256-byte block', (card) => {
    const block = encodeCardText(card);
    expect(block.length).toBe(textBlockBytes);
    expect(decodeCardText(block)).toEqual({ ok: true, card });
  });

  it('places resident fields byte for byte as GA/T 467 lays them out', () => {
    const block = Buffer.from(encodeCardText(fixtureCardTexts['resident-id']));
    expect(block.subarray(0, 8).toString('utf16le')).toBe('欧阳建国');
    expect(block.subarray(30, 32).toString('utf16le')).toBe('1');
    expect(block.subarray(32, 36).toString('utf16le')).toBe('01');
    expect(block.subarray(36, 52).toString('utf16le')).toBe('19491001');
    expect(block.subarray(122, 158).toString('utf16le')).toBe(fixtureCardTexts['resident-id'].idNumber);
    expect(block.subarray(204, 220).toString('utf16le')).toBe('长期      ');
    expect([...block.subarray(248, 250)]).toEqual([0x20, 0x00]);
  });

  it('tells the four card types apart by the flag at bytes 248–249', () => {
    const flag = (type: keyof typeof fixtureCardTexts) => [...encodeCardText(fixtureCardTexts[type]).subarray(248, 250)];
    expect(flag('hmt-residence-permit')).toEqual([0x4a, 0]);
    expect(flag('foreign-permanent-2017')).toEqual([0x49, 0]);
    expect(flag('foreign-permanent-2023')).toEqual([0x59, 0]);
  });

  it('reports an unknown flag as an unknown card type', () => {
    const block = encodeCardText(fixtureCardTexts['resident-id']);
    block.set([0x5a, 0], 248);
    expect(decodeCardText(block)).toEqual({ ok: false, problem: 'unknown-card-type', flag: 'Z' });
  });

  it('never returns a citizen whose number fails the check character', () => {
    const card = { ...fixtureCardTexts['resident-id'], idNumber: fixtureCardTexts['resident-id'].idNumber.slice(0, 17) + '0' };
    const good = fixtureCardTexts['resident-id'].idNumber.at(-1);
    if (good === '0') card.idNumber = card.idNumber.slice(0, 17) + '1';
    expect(decodeCardText(encodeCardText(card))).toEqual({ ok: false, problem: 'invalid-number' });
    const permit = { ...fixtureCardTexts['hmt-residence-permit'], idNumber: fixtureCardTexts['resident-id'].idNumber };
    expect(decodeCardText(encodeCardText(permit))).toEqual({ ok: false, problem: 'invalid-number' });
    const foreign = { ...fixtureCardTexts['foreign-permanent-2017'], cardNumber: 'CA1110078090112' };
    expect(decodeCardText(encodeCardText(foreign))).toEqual({ ok: false, problem: 'invalid-number' });
  });

  it('rejects damaged fields: impossible dates, sex codes, nations, control characters', () => {
    const resident = fixtureCardTexts['resident-id'];
    expect(decodeCardText(encodeCardText({ ...resident, birthDate: '19490231' }))).toMatchObject({ field: 'birthDate' });
    expect(decodeCardText(encodeCardText({ ...resident, sex: '3' as '1' }))).toMatchObject({ field: 'sex' });
    expect(decodeCardText(encodeCardText({ ...resident, nation: '57' }))).toMatchObject({ field: 'nation' });
    expect(decodeCardText(encodeCardText({ ...resident, address: '北京\u0007' }))).toMatchObject({ field: 'address' });
    expect(decodeCardText(new Uint8Array(100))).toMatchObject({ ok: false, field: 'text-length' });
  });

  it('trims NUL padding as well as spaces', () => {
    const block = encodeCardText(fixtureCardTexts['resident-id']);
    block.fill(0, 8, 30);
    expect(decodeCardText(block)).toMatchObject({ ok: true, card: { name: '欧阳建国' } });
  });

  it('names nations by GB 3304', () => {
    expect([nationName('01'), nationName('56'), nationName('97'), nationName('98'), nationName('57'), nationName('x1')]).toEqual([
      '汉',
      '基诺',
      '其他',
      '外国血统中国籍人士',
      null,
      null,
    ]);
  });
});
