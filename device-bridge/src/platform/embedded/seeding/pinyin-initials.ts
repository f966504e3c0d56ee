import { createRequire } from 'node:module';

/** lower-case pinyin initials of a Chinese name: 社保参保 → sbcb (letters/digits kept as they are) */
export function pinyinInitials(name: string): string {
  // pinyin-pro's dictionary is ~16 MB in memory; it is only needed to seed, so it is required on first use
  const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
