import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/language-context.tsx';
import { initialKeyboardState, pressKey, visibleCandidates, type KeyboardMode, type KeyPress } from './pinyin-input.ts';
import './keyboard.css';

const letterRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const digitRows = ['123', '456', '789'];

export interface OnScreenKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  /** the modes this field accepts, first one shown first (a phone field: only digits) */
  modes?: readonly KeyboardMode[];
  maxLength?: number;
  /** digits mode also offers X (the ID number's check character) */
  allowX?: boolean;
}

/**
 * The kiosk's own keyboard: no system keyboard pops up on a kiosk, and an elder needs large keys.
 * Pinyin mode composes Chinese characters from a committed table of the 3,755 common characters;
 * latin mode types letters; digits mode is a numeric keypad. Keys are buttons, so a screen reader
 * and a hardware keyboard reach them too.
 */
export function OnScreenKeyboard({
  value,
  onChange,
  modes = ['pinyin', 'latin', 'digits'],
  maxLength,
  allowX = false,
}: OnScreenKeyboardProps) {
  const { t } = useI18n();
  const [state, setState] = useState(() => initialKeyboardState(modes[0]));
  const press = (key: KeyPress) => {
    const result = pressKey(state, value, key, maxLength);
    setState(result.state);
    if (result.value !== value) onChange(result.value);
  };
  const key = (label: string, keyPress: KeyPress, extra: { wide?: boolean; name?: string; aria?: string } = {}) => (
    <button
      type="button"
      class={`key${extra.wide ? ' key--wide' : ''}`}
      data-key={extra.name ?? label}
      aria-label={extra.aria}
      onClick={() => press(keyPress)}
    >
      {label}
    </button>
  );
  const candidates = visibleCandidates(state);

  return (
    <div class="keyboard" role="group" aria-label={t('keyboard.label')} data-mode={state.mode}>
      {modes.length > 1 ? (
        <div class="keyboard__modes">
          {modes.map((mode) => (
            <button
              key={mode}
              type="button"
              class={`key key--mode${mode === state.mode ? ' key--active' : ''}`}
              data-key={`mode-${mode}`}
              aria-pressed={mode === state.mode}
              onClick={() => press({ type: 'mode', mode })}
            >
              {t(`keyboard.mode.${mode}`)}
            </button>
          ))}
        </div>
      ) : null}

      {state.mode === 'pinyin' ? (
        <div class="keyboard__candidates" aria-live="polite" lang="zh-CN">
          <span
            class="keyboard__composing"
            data-testid="pinyin-composing"
            aria-label={t('keyboard.composing', { pinyin: state.composing })}
          >
            {state.composing}
          </span>
          {candidates.hasPrevious ? key('‹', { type: 'previous-page' }, { name: 'previous-page', aria: t('keyboard.morePrevious') }) : null}
          {candidates.characters.map((character) => (
            <button
              key={character}
              type="button"
              class="key key--candidate"
              data-candidate={character}
              onClick={() => press({ type: 'candidate', character })}
            >
              {character}
            </button>
          ))}
          {state.composing !== '' && candidates.characters.length === 0 ? <span class="note">{t('keyboard.noCandidates')}</span> : null}
          {candidates.hasNext ? key('›', { type: 'next-page' }, { name: 'next-page', aria: t('keyboard.moreNext') }) : null}
        </div>
      ) : null}

      {state.mode === 'digits' ? (
        <div class="keyboard__keypad">
          {digitRows.map((row) => (
            <div class="keyboard__row" key={row}>
              {[...row].map((digit) => key(digit, { type: 'digit', digit }))}
            </div>
          ))}
          <div class="keyboard__row">
            {allowX ? key('X', { type: 'digit', digit: 'X' }) : null}
            {key('0', { type: 'digit', digit: '0' })}
            {key('⌫', { type: 'backspace' }, { name: 'backspace', aria: t('keyboard.backspace') })}
          </div>
        </div>
      ) : (
        <div class="keyboard__letters">
          {letterRows.map((row, index) => (
            <div class="keyboard__row" key={row}>
              {[...row].map((letter) =>
                key(
                  state.mode === 'latin' ? letter.toUpperCase() : letter,
                  { type: 'letter', letter: state.mode === 'latin' ? letter.toUpperCase() : letter },
                  { name: letter },
                ),
              )}
              {index === letterRows.length - 1
                ? key('⌫', { type: 'backspace' }, { name: 'backspace', aria: t('keyboard.backspace') })
                : null}
            </div>
          ))}
          <div class="keyboard__row">
            {key(t('keyboard.space'), { type: 'space' }, { wide: true, name: 'space' })}
            {key(t('keyboard.clear'), { type: 'clear' }, { name: 'clear' })}
          </div>
        </div>
      )}
    </div>
  );
}
