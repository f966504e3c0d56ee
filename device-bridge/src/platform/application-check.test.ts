import { describe, expect, it } from 'vitest';
import type { FormField, ServiceGuide } from '../api/index.ts';
import { formProblem, materialProblem } from './application-check.ts';

const fields: FormField[] = [
  { id: 'phone', label: '联系电话', type: 'phone', required: true, maxLength: 20 },
  { id: 'grade', label: '缴费档次', type: 'choice', required: true, options: ['300元', '500元'] },
  { id: 'note', label: '备注', type: 'text', required: false, maxLength: 4 },
];
const material = (id: string, extra: Partial<ServiceGuide['materials'][number]> = {}): ServiceGuide['materials'][number] => ({
  id,
  name: id,
  form: 'copy',
  copies: 1,
  format: 'paper',
  source: 'applicant',
  required: true,
  kioskCapturable: true,
  ...extra,
});
const materials = [material('id-card', { kioskCapturable: false }), material('household-register'), material('lease', { required: false })];

describe('application against its guide', () => {
  it('takes a complete form and names the first field that is missing, unknown, not a choice or too long', () => {
    expect(formProblem(fields, { phone: '13800000000', grade: '300元' })).toBeNull();
    expect(formProblem(fields, { grade: '300元' })).toMatch(/^form\.phone: 联系电话 is required/);
    expect(formProblem(fields, { phone: '  ', grade: '300元' })).toMatch(/^form\.phone/);
    expect(formProblem(fields, { phone: '1', grade: '300元', extra: 'x' })).toBe('form.extra: not a field of this item');
    expect(formProblem(fields, { phone: '1', grade: '800元' })).toMatch(/^form\.grade: choose one of/);
    expect(formProblem(fields, { phone: '1', grade: '500元', note: '五个汉字啊' })).toBe('form.note: at most 4 characters');
    expect(formProblem([], {})).toBeNull();
  });

  it('takes the materials the guide lists, each once, and needs every required one the kiosk can photograph', () => {
    expect(materialProblem(materials, ['household-register'])).toBeNull();
    expect(materialProblem(materials, ['household-register', 'lease'])).toBeNull();
    expect(materialProblem(materials, [])).toMatch(/^materials\.household-register: .* is required/);
    expect(materialProblem(materials, ['household-register', 'page'])).toBe('materials.page: not a material of this item');
    expect(materialProblem(materials, ['household-register', 'household-register'])).toBe('materials.household-register: given twice');
  });
});
