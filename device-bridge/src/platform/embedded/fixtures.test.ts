import { describe, expect, it } from 'vitest';
import { cardIdentitySchema } from '../../api/index.ts';
import { isValidIdNumber } from '../../privacy/id-number.ts';
import { fixtureCitizen, fixtureCitizens } from './fixtures.ts';

/** Age in whole years on a given YYYY-MM-DD. */
function ageOn(birthDate: string, on: string): number {
  const [y, m, d] = [birthDate.slice(0, 4), birthDate.slice(4, 6), birthDate.slice(6, 8)].map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
}

describe('fixture citizens', () => {
  it('has exactly the ids tests and the dev panel use', () => {
    expect(fixtureCitizens.map((fixture) => fixture.id)).toEqual([
      'zhang-wei',
      'li-na',
      'wang-xiaoyu',
      'zhao-guilan',
      'ouyang-mingyuan',
      'chen-expired',
    ]);
  });

  it.each(fixtureCitizens.map((fixture) => [fixture.id, fixture] as const))('%s is a card the reader would accept', (_id, fixture) => {
    const card = cardIdentitySchema.parse(fixture.card);
    expect(isValidIdNumber(card.idNumber)).toBe(true);
    expect(card.idNumber.slice(6, 14)).toBe(card.birthDate);
    // the sequence digit's parity is the sex: odd man, even woman
    expect(Number(card.idNumber[16]) % 2 === 1 ? '1' : '2').toBe(card.sex);
    expect(card.validTo === '长期' || card.validTo > card.validFrom).toBe(true);
  });

  it('gives each citizen the described age in 2026', () => {
    const ages = Object.fromEntries(fixtureCitizens.map((f) => [f.id, ageOn(f.card.birthDate, '2026-07-01')]));
    expect(ages['zhang-wei']).toBe(35);
    expect(ages['li-na']).toBe(28);
    expect(ages['wang-xiaoyu']).toBe(10);
    expect(ages['zhao-guilan']).toBe(80);
    expect(ages['ouyang-mingyuan']).toBe(57);
  });

  it('covers the awkward cases: compound surname with X, permanent card, expired card, a child', () => {
    const ouyang = fixtureCitizen('ouyang-mingyuan').card;
    expect(ouyang.name.startsWith('欧阳')).toBe(true);
    expect(ouyang.idNumber.endsWith('X')).toBe(true);
    expect(fixtureCitizen('zhao-guilan').card.validTo).toBe('长期');
    expect(fixtureCitizen('chen-expired').card.validTo < '20260101').toBe(true);
    expect(fixtureCitizen('zhang-wei').card.idNumber.startsWith('330106')).toBe(true);
    expect(fixtureCitizen('zhang-wei').card.nation).toBe('01');
    expect(fixtureCitizen('wang-xiaoyu').card.sex).toBe('2');
  });

  it('throws on an unknown fixture id instead of handing back nothing', () => {
    expect(() => fixtureCitizen('nobody')).toThrow(/nobody/);
  });
});
