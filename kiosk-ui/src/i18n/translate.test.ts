import { describe, expect, it } from 'vitest';
import { catalogues, languages } from './messages.ts';
import { nextLanguage, translate } from './translate.ts';

describe('message catalogue', () => {
  it('greets with the masked name in both languages', () => {
    expect(translate('zh-CN', 'greeting.hello', { name: '张*', salutation: '先生' })).toBe('您好，张*先生');
    expect(translate('en', 'greeting.hello', { name: '张*', salutation: 'Mr ' })).toBe('Hello, Mr 张*');
  });

  it('leaves a placeholder visible rather than printing "undefined"', () => {
    expect(translate('zh-CN', 'idle.body', {})).toContain('{seconds}');
  });

  it('has no empty text in any language except deliberately empty salutations', () => {
    for (const language of languages) {
      const empty = Object.entries(catalogues[language])
        .filter(([, text]) => text === '')
        .map(([key]) => key);
      expect(empty).toEqual(['greeting.none']);
    }
  });

  it('names all five 好差评 grades from 非常满意 to 非常不满意', () => {
    expect([5, 4, 3, 2, 1].map((grade) => translate('zh-CN', `rating.grade.${grade}` as 'rating.grade.5'))).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
  });

  it('the language button toggles between Chinese and English', () => {
    expect(nextLanguage('zh-CN', languages)).toBe('en');
    expect(nextLanguage('en', languages)).toBe('zh-CN');
  });
});
