import { pinyinTable } from './pinyin-table.ts';

/** Candidates shown at once: a row that fits the screen with targets large enough for a finger. */
export const candidatesPerPage = 8;

/** The spellings people type for ü besides v (略 lue, 虐 nue): the table files them under v. */
function normalise(syllable: string): string {
  return syllable.replace(/^([ln])ue$/, '$1ve').replace(/^([ln])u:/, '$1v');
}

/**
 * Characters for the pinyin typed so far: the exact syllable first, then every longer syllable it
 * begins (typing "zh" already offers 张, 这 …), each character once.
 */
export function candidatesFor(composing: string): string[] {
  const typed = normalise(composing.toLowerCase());
  if (typed === '') return [];
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (characters: string) => {
    for (const character of characters) {
      if (!seen.has(character)) {
        seen.add(character);
        result.push(character);
      }
    }
  };
  add(pinyinTable[typed] ?? '');
  for (const [syllable, characters] of Object.entries(pinyinTable)) {
    if (syllable !== typed && syllable.startsWith(typed)) add(characters);
  }
  return result;
}

/** Whether any syllable starts with these letters: the keyboard refuses letters that lead nowhere. */
export function isPinyinPrefix(composing: string): boolean {
  const typed = normalise(composing.toLowerCase());
  return Object.keys(pinyinTable).some((syllable) => syllable.startsWith(typed));
}

export type KeyboardMode = 'pinyin' | 'latin' | 'digits';

/** Everything the keyboard holds between key presses; the text itself belongs to the field. */
export interface KeyboardState {
  mode: KeyboardMode;
  /** pinyin letters typed but not yet turned into a character */
  composing: string;
  /** which page of candidates is shown */
  page: number;
}

export type KeyPress =
  | { type: 'letter'; letter: string }
  | { type: 'digit'; digit: string }
  | { type: 'candidate'; character: string }
  | { type: 'backspace' }
  | { type: 'clear' }
  | { type: 'space' }
  | { type: 'next-page' }
  | { type: 'previous-page' }
  | { type: 'mode'; mode: KeyboardMode };

export interface KeyResult {
  state: KeyboardState;
  value: string;
}

export const initialKeyboardState = (mode: KeyboardMode = 'pinyin'): KeyboardState => ({ mode, composing: '', page: 0 });

/**
 * One key press, pure: the new keyboard state and the new field value. `maxLength` is in
 * characters (a Chinese character counts once), so a field never holds more than it may.
 */
export function pressKey(state: KeyboardState, value: string, key: KeyPress, maxLength = Infinity): KeyResult {
  const room = maxLength - Array.from(value).length;
  const append = (text: string): KeyResult =>
    room >= Array.from(text).length ? { state: { ...state, composing: '', page: 0 }, value: value + text } : { state, value };
  switch (key.type) {
    case 'letter': {
      const letter = key.letter.toLowerCase();
      if (!/^[a-z]$/.test(letter)) return { state, value };
      if (state.mode === 'latin') return append(key.letter);
      if (state.mode !== 'pinyin') return { state, value };
      const composing = state.composing + letter;
      // a letter that starts no syllable would leave no candidates: ignore it
      if (!isPinyinPrefix(composing) || composing.length > 6) return { state, value };
      return { state: { ...state, composing, page: 0 }, value };
    }
    case 'digit':
      return /^[0-9Xx]$/.test(key.digit) ? append(key.digit.toUpperCase()) : { state, value };
    case 'candidate':
      return state.composing === '' ? { state, value } : append(key.character);
    case 'space':
      // in pinyin mode space takes the first candidate, as every Chinese input method does
      if (state.mode === 'pinyin' && state.composing !== '') {
        const first = candidatesFor(state.composing)[0];
        return first ? append(first) : { state, value };
      }
      return append(' ');
    case 'backspace':
      if (state.composing !== '') return { state: { ...state, composing: state.composing.slice(0, -1), page: 0 }, value };
      return { state, value: Array.from(value).slice(0, -1).join('') };
    case 'clear':
      return { state: { ...state, composing: '', page: 0 }, value: '' };
    case 'next-page': {
      const pages = Math.ceil(candidatesFor(state.composing).length / candidatesPerPage);
      return { state: { ...state, page: Math.min(state.page + 1, Math.max(pages - 1, 0)) }, value };
    }
    case 'previous-page':
      return { state: { ...state, page: Math.max(state.page - 1, 0) }, value };
    case 'mode':
      return { state: { mode: key.mode, composing: '', page: 0 }, value };
  }
}

/** The candidates on the current page. */
export function visibleCandidates(state: KeyboardState): { characters: string[]; hasPrevious: boolean; hasNext: boolean } {
  const all = candidatesFor(state.composing);
  const start = state.page * candidatesPerPage;
  return {
    characters: all.slice(start, start + candidatesPerPage),
    hasPrevious: state.page > 0,
    hasNext: start + candidatesPerPage < all.length,
  };
}
