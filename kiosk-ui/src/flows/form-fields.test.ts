import type { FormField } from '@tongban/device-bridge/api';
import { describe, expect, it } from 'vitest';
import { displayedValue, fieldProblem, keyboardFor, submittedValue } from './form-fields.ts';

const phone: FormField = { id: 'phone', label: '联系电话', type: 'phone', required: true };
const date: FormField = { id: 'startDate', label: '开始日期', type: 'date', required: true };
const choice: FormField = { id: 'grade', label: '缴费档次', type: 'choice', required: true, options: ['300元', '500元'] };
const note: FormField = { id: 'note', label: '备注', type: 'text', required: false, maxLength: 4 };

describe('form fields', () => {
  it('a required field must be answered; an optional one may stay empty', () => {
    expect(fieldProblem(phone, ' ')).toBe('required');
    expect(fieldProblem(note, '')).toBeNull();
  });

  it('phone numbers: mobile or landline with area code', () => {
    expect(fieldProblem(phone, '13812345678')).toBeNull();
    expect(fieldProblem(phone, '057112345678')).toBeNull();
    expect(fieldProblem(phone, '12345')).toBe('phone');
  });

  it('dates typed as digits are checked as real dates and sent with dashes', () => {
    expect(fieldProblem(date, '20250230')).toBe('date');
    expect(fieldProblem(date, '20250228')).toBeNull();
    expect(fieldProblem(date, '202503')).toBeNull();
    expect(submittedValue(date, '20250228')).toBe('2025-02-28');
    expect(submittedValue(date, '202503')).toBe('2025-03');
    expect(displayedValue(date, '2025022')).toBe('2025-02-2');
  });

  it('choices must be one of the options; length counts characters', () => {
    expect(fieldProblem(choice, '300元')).toBeNull();
    expect(fieldProblem(choice, '400元')).toBe('choice');
    expect(fieldProblem(note, '一二三四五')).toBe('too-long');
  });

  it('gives digit fields the numeric keypad and choices no keyboard', () => {
    expect(keyboardFor(phone)).toBe('digits');
    expect(keyboardFor(date)).toBe('digits');
    expect(keyboardFor(choice)).toBe('none');
    expect(keyboardFor(note)).toBe('text');
  });
});
