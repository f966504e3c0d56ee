import { describe, expect, it } from 'vitest';
import type { CardIdentity, SessionEndReason, SessionView } from '../api/index.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { ageOn, createSessionHolder } from './session-holder.ts';

const card: CardIdentity = {
  name: '欧阳明远',
  sex: '1',
  nation: '01',
  birthDate: '19680305',
  address: '浙江省杭州市西湖区文三路100号',
  idNumber: '33010619680305123X',
  issuer: '杭州市公安局西湖分局',
  validFrom: '20180101',
  validTo: '20380101',
};

const fixedClock = (iso: string): Clock => ({ ...systemClock, now: () => new Date(iso) });

function holder(clock = fixedClock('2026-11-22T10:00:00+08:00')) {
  const started: SessionView[] = [];
  const ended: SessionEndReason[] = [];
  let n = 0;
  const sessions = createSessionHolder({
    clock,
    newId: () => `s${++n}`,
    onStarted: (view) => started.push(view),
    onEnded: (reason) => ended.push(reason),
  });
  return { sessions, started, ended };
}

describe('session holder', () => {
  it('shows the UI only a masked view of the citizen', () => {
    const { sessions, started } = holder();
    sessions.open(card);
    const view = sessions.view();
    expect(view).toEqual({
      id: 's1',
      maskedName: '欧***',
      maskedIdNumber: '330106********123X',
      salutation: 'male',
      elder: false,
      startedAt: expect.any(String),
    });
    expect(started).toEqual([view]);
    expect(JSON.stringify(view)).not.toContain(card.idNumber);
    expect(JSON.stringify(view)).not.toContain(card.name);
  });

  it('marks citizens of 60 and over as elder so the UI can offer larger text', () => {
    const { sessions } = holder();
    sessions.open({ ...card, sex: '2', birthDate: '19461122', idNumber: '330106194611221248' });
    expect(sessions.view()).toMatchObject({ elder: true, salutation: 'female' });
  });

  it('wipes the identity when the session ends, even for code still holding the session object', () => {
    const { sessions, ended } = holder();
    const session = sessions.open(card);
    expect(sessions.end('exit')).toBe(true);
    expect(sessions.current()).toBeNull();
    expect(sessions.view()).toBeNull();
    expect(Object.values(session.identity).every((value) => value === '')).toBe(true);
    expect(ended).toEqual(['exit']);
    expect(sessions.end('timeout')).toBe(false);
    expect(ended).toEqual(['exit']);
  });

  it('keeps the card photo for the session only, never in the UI view, and zero-fills it at the end', () => {
    const { sessions, started } = holder();
    const photo = new Uint8Array(1024).fill(0x5a);
    const session = sessions.open(card, photo);
    expect(session.photo).toEqual(photo);
    expect(JSON.stringify(started[0])).not.toContain('photo');
    sessions.end('exit');
    expect(session.photo!.every((byte) => byte === 0)).toBe(true);
  });

  it('does not let a second card replace the citizen being served', () => {
    const { sessions } = holder();
    sessions.open(card);
    expect(() => sessions.open({ ...card, name: '李娜' })).toThrow(/already active/);
  });

  it('counts age in whole years, turning over on the birthday', () => {
    expect(ageOn('19661122', new Date(2026, 10, 21))).toBe(59);
    expect(ageOn('19661122', new Date(2026, 10, 22))).toBe(60);
  });
});
