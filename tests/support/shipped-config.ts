// A shipped config file with the changes a test must make (addresses, paths, passwords, shorter
// intervals). Each change must match: a shipped file that drifted from the test fails loudly instead
// of the test silently running something else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo.ts';

export function adaptedShippedFile(file: string, changes: Array<[string | RegExp, string]>): string {
  let text = readFileSync(path.join(repoRoot, file), 'utf8');
  for (const [from, to] of changes) {
    const next = typeof from === 'string' ? text.replaceAll(from, to) : text.replace(from, to);
    if (next === text) throw new Error(`${file}: "${String(from)}" is no longer in the shipped file`);
    text = next;
  }
  return text;
}
