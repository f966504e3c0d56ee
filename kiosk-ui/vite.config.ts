import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { builtInLanguageInfo } from './src/i18n/built-in-languages.ts';
import { localeProblems, type LocaleFile } from './src/i18n/locale-file.ts';
import { catalogues, languages } from './src/i18n/messages.ts';
import { voiceClipsPlugin, type ClipLanguage } from './src/voice/build-clips.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const localesDir = path.join(here, 'src/i18n/locales');

/** Built-in languages plus every locales/*.json (only the voice texts a locale really has). */
function clipLanguages(): ClipLanguage[] {
  const builtIn = languages.map((tag) => ({
    tag,
    espeakVoice: builtInLanguageInfo[tag].espeakVoice,
    messages: catalogues[tag],
  }));
  const extra = readdirSync(localesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const locale = JSON.parse(readFileSync(path.join(localesDir, name), 'utf8')) as LocaleFile;
      const problems = localeProblems(locale);
      if (problems.length > 0) throw new Error(`src/i18n/locales/${name}: ${problems.join('; ')}`);
      return { tag: locale.language.tag, espeakVoice: locale.language.espeakVoice, messages: locale.messages as Record<string, string> };
    });
  return [...builtIn, ...extra];
}

// Preact JSX through vite 8's built-in oxc transform: no @preact/preset-vite, one less plugin.
export const kioskUiConfig = defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [
    // spoken guidance as files on the kiosk: works with no network; cached by text hash
    voiceClipsPlugin({ languages: clipLanguages, cacheDir: path.join(here, 'node_modules/.cache/tongban-voice') }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The kiosk runs a current Chromium; no legacy transpilation needed.
    target: 'es2022',
  },
  server: {
    // During `npm run dev` the bridge runs separately on its default port; production serves both
    // from one origin. changeOrigin so the bridge's Host check sees its own address.
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true } },
  },
});

// Vite loads the config through its default export; the named export above is what our code reads.
export default kioskUiConfig;
