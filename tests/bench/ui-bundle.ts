// What Chromium must fetch and parse before the attract screen can show: the entry script, the
// chunks it preloads, and the stylesheets, gzipped at level 9 as a server would send them.
// Fonts are left out: they load on demand and are cached on the kiosk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { uiDistDir } from '../support/repo.ts';
import type { BenchResult } from './stats.ts';

/** Local asset paths the page loads up front, from the built index.html. */
export function initialAssets(indexHtml: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attribute('src');
      if (src !== undefined) scripts.add(src);
      continue;
    }
    const rel = attribute('rel')?.toLowerCase();
    const href = attribute('href');
    if (href === undefined) continue;
    if (rel === 'stylesheet') styles.add(href);
    else if (rel === 'modulepreload') scripts.add(href);
  }
  const local = (url: string) => !/^[a-z]+:|^\/\//i.test(url);
  return { scripts: [...scripts].filter(local), styles: [...styles].filter(local) };
}

async function gzippedBytes(assetUrl: string): Promise<number> {
  const file = path.join(uiDistDir, decodeURIComponent(assetUrl.replace(/^\.?\//, '').split(/[?#]/)[0]!));
  return gzipSync(await readFile(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

export async function benchUiBundle(): Promise<BenchResult[]> {
  const indexHtml = await readFile(path.join(uiDistDir, 'index.html'), 'utf8');
  const { scripts, styles } = initialAssets(indexHtml);
  if (scripts.length === 0) throw new Error('kiosk-ui/dist/index.html references no script: is the build broken?');
  const jsBytes = (await Promise.all(scripts.map(gzippedBytes))).reduce((sum, bytes) => sum + bytes, 0);
  const cssBytes = (await Promise.all(styles.map(gzippedBytes))).reduce((sum, bytes) => sum + bytes, 0);
  return [
    {
      name: 'ui-initial-js-css-gzip',
      value: jsBytes + cssBytes,
      unit: 'bytes',
      js: jsBytes,
      css: cssBytes,
      files: [...scripts, ...styles],
      note: 'entry script, modulepreload chunks and stylesheets from kiosk-ui/dist/index.html, zlib level 9; fonts excluded',
    },
  ];
}
