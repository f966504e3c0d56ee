import type { FormField } from '@tongban/device-bridge/api';

/** Why a field's answer cannot be taken yet; the screen says it in words. */
export type FieldProblem = 'required' | 'phone' | 'number' | 'date' | 'choice' | 'too-long';

/** Which on-screen keyboard a field gets (a choice field gets buttons instead). */
export function keyboardFor(field: FormField): 'text' | 'digits' | 'none' {
  switch (field.type) {
    case 'text':
      return 'text';
    case 'phone':
    case 'number':
    case 'date':
      return 'digits';
    case 'choice':
      return 'none';
  }
}

/**
 * Checks one answer. Dates are typed as digits on the keypad (20250301 or 202503) and sent
 * formatted (2025-03-01, 2025-03), so nobody has to find a dash key.
 */
export function fieldProblem(field: FormField, value: string): FieldProblem | null {
  const answer = value.trim();
  if (answer === '') return field.required ? 'required' : null;
  if (field.maxLength !== undefined && Array.from(answer).length > field.maxLength) return 'too-long';
  switch (field.type) {
    case 'phone':
      // a mobile number, or a landline with its area code
      return /^1[3-9]\d{9}$/.test(answer) || /^0\d{9,11}$/.test(answer) ? null : 'phone';
    case 'number':
      return /^\d+$/.test(answer) ? null : 'number';
    case 'date':
      return isDigitsDate(answer) ? null : 'date';
    case 'choice':
      return field.options?.includes(answer) ? null : 'choice';
    case 'text':
      return null;
  }
}

function isDigitsDate(digits: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})?$/.exec(digits);
  if (!match) return false;
  const [, year, month, day] = match;
  if (Number(year) < 1900 || Number(month) < 1 || Number(month) > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** The answer as the platform receives it (dates formatted). */
export function submittedValue(field: FormField, value: string): string {
  const answer = value.trim();
  if (field.type !== 'date') return answer;
  const match = /^(\d{4})(\d{2})(\d{2})?$/.exec(answer);
  if (!match) return answer;
  return match[3] === undefined ? `${match[1]}-${match[2]}` : `${match[1]}-${match[2]}-${match[3]}`;
}

/** How a typed answer is shown while typing (dates with dashes as the digits arrive). */
export function displayedValue(field: FormField, value: string): string {
  if (field.type !== 'date') return value;
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}
