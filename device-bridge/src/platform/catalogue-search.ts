import type { ServiceCategory, ServiceItemSummary } from '../api/index.ts';

/** What people type for a whole category: the short names (社保, 医保 …) and their pinyin initials. */
const categoryAliases: Record<ServiceCategory, string[]> = {
  'social-insurance': ['社保', '社会保险', '养老', 'sb', 'yl'],
  'medical-insurance': ['医保', '医疗', 'yb'],
  'housing-fund': ['公积金', 'gjj'],
  'real-estate': ['不动产', '房产', '房屋', 'bdc', 'fc'],
  household: ['户籍', '户口', '身份证', 'hj', 'hk', 'sfz'],
  tax: ['税务', '个税', '纳税', 'sw', 'gs'],
  'civil-affairs': ['民政', '婚姻', '低保', 'mz', 'hy'],
};

/**
 * Does an item match what was typed: part of its name, its pinyin initials, its code, or a category
 * short name (typing sb finds all 社保 items). Case and surrounding spaces do not matter.
 */
export function matchesCatalogueQuery(item: ServiceItemSummary, typed: string): boolean {
  const q = typed.trim().toLowerCase();
  if (q === '') return true;
  if (item.name.includes(q) || item.initials.includes(q) || item.code.toLowerCase().includes(q)) return true;
  return categoryAliases[item.category].some((alias) => alias === q || (q.length >= 2 && alias.startsWith(q)));
}
