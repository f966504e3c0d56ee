import { describe, expect, it } from 'vitest';
import { localeProblems, missingKeys, type LocaleFile } from './locale-file.ts';
import { availableLanguages, catalogueFor } from './languages.ts';

const uyghurHeader = { tag: 'ug', name: 'ئۇيغۇرچە', espeakVoice: 'ug', dir: 'rtl' } as const;

describe('a further language as a data file', () => {
  it('accepts a partial translation and lists what it lacks (those show in Chinese)', () => {
    const file: LocaleFile = { language: uyghurHeader, messages: { 'exit.button': 'چىقىش' } };
    expect(localeProblems(file)).toEqual([]);
    expect(missingKeys(file)).toContain('attract.title');
    expect(missingKeys(file)).not.toContain('exit.button');
  });

  it('names every problem: unknown keys, changed placeholders, a bad header', () => {
    const problems = localeProblems({
      language: { tag: 'Uyghur', name: '', espeakVoice: 'ug', dir: 'up' },
      messages: { 'no.such.key': 'x', 'idle.body': 'no seconds here', 'help.phone': '' },
    });
    expect(problems).toEqual([
      'language.tag must be a BCP 47 tag such as "ug" or "bo-CN"',
      'language.name is missing',
      'language.dir must be "ltr" or "rtl"',
      'unknown key "no.such.key"',
      '"idle.body" must use the placeholders {seconds}',
      '"help.phone" must be non-empty text',
    ]);
  });

  it('zh-CN and English are always on offer, Chinese first', () => {
    expect(availableLanguages.slice(0, 2).map((info) => info.tag)).toEqual(['zh-CN', 'en']);
    expect(catalogueFor('en')['exit.button']).toBe('Exit');
    // an unknown tag never shows keys or blanks: it falls back to the Chinese catalogue
    expect(catalogueFor('xx')['exit.button']).toBe('退出');
  });
});
