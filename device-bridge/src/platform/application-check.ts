import type { FormField, ServiceGuide } from '../api/index.ts';

/**
 * What the item's 办事指南 asks of an application, checked the same way by the kiosk (before it
 * stores anything, so the citizen can still fix it) and by the platform (which must not trust a
 * kiosk): each answer belongs to a form field of the item, required fields are answered, choices
 * are one of the options, nothing is longer than the field allows; each material is one the guide
 * lists, once, and every required one the kiosk can photograph is there. Returns the first problem
 * as "<path>: <what is wrong>", or null.
 */
export function formProblem(fields: readonly FormField[], form: Readonly<Record<string, string>>): string | null {
  for (const id of Object.keys(form)) {
    if (!fields.some((field) => field.id === id)) return `form.${id}: not a field of this item`;
  }
  for (const field of fields) {
    const value = form[field.id]?.trim() ?? '';
    if (value === '') {
      if (field.required) return `form.${field.id}: ${field.label} is required / ${field.label}为必填项`;
      continue;
    }
    if (field.options && !field.options.includes(value)) return `form.${field.id}: choose one of ${field.options.join(', ')}`;
    if (field.maxLength !== undefined && Array.from(value).length > field.maxLength)
      return `form.${field.id}: at most ${field.maxLength} characters`;
  }
  return null;
}

export function materialProblem(materials: ServiceGuide['materials'], given: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of given) {
    if (!materials.some((material) => material.id === id)) return `materials.${id}: not a material of this item`;
    if (seen.has(id)) return `materials.${id}: given twice`;
    seen.add(id);
  }
  const missing = materials.find((material) => material.required && material.kioskCapturable && !seen.has(material.id));
  return missing ? `materials.${missing.id}: ${missing.name} is required` : null;
}
