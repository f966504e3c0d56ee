import { describe, expect, it } from 'vitest';
import { candidatesFor, initialKeyboardState, pressKey, visibleCandidates, type KeyPress, type KeyboardState } from './pinyin-input.ts';

function type(keys: KeyPress[], start: KeyboardState = initialKeyboardState(), value = '', maxLength?: number) {
  let state = start;
  for (const key of keys) ({ state, value } = pressKey(state, value, key, maxLength));
  return { state, value };
}
const letters = (text: string): KeyPress[] => [...text].map((letter) => ({ type: 'letter', letter }));

describe('pinyin input', () => {
  it('offers the characters of a full syllable: zhang → 张', () => {
    expect(candidatesFor('zhang')).toContain('张');
    expect(candidatesFor('wei')).toContain('伟');
    expect(candidatesFor('hang')).toContain('杭');
  });

  it('offers characters already for the first letters: zh → 张 and 中', () => {
    const candidates = candidatesFor('zh');
    expect(candidates).toContain('张');
    expect(candidates).toContain('中');
    expect(new Set(candidates).size).toBe(candidates.length);
  });

  it('takes ü as v and as the lue/nue spellings: lv → 绿, lue → 略', () => {
    expect(candidatesFor('lv')).toContain('绿');
    expect(candidatesFor('lue')).toContain('略');
  });

  it('types 张伟 by pinyin and candidate, and shows nothing half-typed in the field', () => {
    let { state, value } = type(letters('zhang'));
    expect(value).toBe('');
    expect(state.composing).toBe('zhang');
    ({ state, value } = pressKey(state, value, { type: 'candidate', character: '张' }));
    expect(value).toBe('张');
    expect(state.composing).toBe('');
    value = type([...letters('wei'), { type: 'candidate', character: '伟' }], state, value).value;
    expect(value).toBe('张伟');
  });

  it('space takes the first candidate; backspace removes pinyin letters before characters', () => {
    const typed = type([...letters('ni'), { type: 'space' }]);
    expect(typed.value).toBe(candidatesFor('ni')[0]);
    const corrected = type(
      [...letters('nia'), { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }],
      initialKeyboardState(),
      '张伟',
    );
    expect(corrected.value).toBe('张');
  });

  it('ignores a letter that starts no syllable, so candidates never vanish', () => {
    const { state } = type(letters('zhx'));
    expect(state.composing).toBe('zh');
  });

  it('pages through many candidates and back', () => {
    let { state } = type(letters('y'));
    const first = visibleCandidates(state);
    expect(first.hasPrevious).toBe(false);
    expect(first.hasNext).toBe(true);
    ({ state } = pressKey(state, '', { type: 'next-page' }));
    const second = visibleCandidates(state);
    expect(second.characters).not.toEqual(first.characters);
    expect(second.hasPrevious).toBe(true);
    ({ state } = pressKey(state, '', { type: 'previous-page' }));
    expect(visibleCandidates(state).characters).toEqual(first.characters);
  });

  it('never lets the field grow past its length, counting a Chinese character once', () => {
    const { value } = type(
      [...letters('zhang'), { type: 'candidate', character: '张' }, ...letters('wei'), { type: 'candidate', character: '伟' }],
      initialKeyboardState(),
      '',
      1,
    );
    expect(value).toBe('张');
  });
});

describe('latin and digit modes', () => {
  it('latin mode types letters straight into the field', () => {
    expect(type(letters('Abc'), initialKeyboardState('latin')).value).toBe('Abc');
  });

  it('the numeric keypad types digits and the ID card check character X, nothing else', () => {
    const keys: KeyPress[] = [...'11010519'].map((digit) => ({ type: 'digit', digit }));
    const { value } = type([...keys, { type: 'digit', digit: 'x' }, { type: 'digit', digit: '-' }], initialKeyboardState('digits'));
    expect(value).toBe('11010519X');
  });

  it('switching mode drops half-typed pinyin but keeps the text', () => {
    const { state, value } = type([...letters('zh'), { type: 'mode', mode: 'digits' }], initialKeyboardState(), '张');
    expect(state).toEqual({ mode: 'digits', composing: '', page: 0 });
    expect(value).toBe('张');
  });
});
