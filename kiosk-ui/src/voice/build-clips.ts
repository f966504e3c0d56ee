// Build-time only (imported by vite.config.ts, never by the app): renders every `voice.*` message
// of every language to a small Ogg/Opus file with espeak-ng and ffmpeg, so spoken guidance needs
// no network and no speech engine in the browser. Clips are cached by a hash of everything that
// shapes the sound, so a rebuild only renders texts that changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { clipNamesIn } from './screen-voice.ts';
import type { VoiceManifest } from './voice-manifest.ts';

export interface ClipLanguage {
  /** BCP 47 tag the UI uses, e.g. "zh-CN" */
  tag: string;
  /** espeak-ng voice, e.g. "cmn" or "en" */
  espeakVoice: string;
  messages: Record<string, string>;
}

export interface ClipSettings {
  /** words per minute: a little slower than espeak's 175 so older listeners keep up */
  wordsPerMinute: number;
  opusBitrate: string;
}

export const defaultClipSettings: ClipSettings = { wordsPerMinute: 150, opusBitrate: '24k' };

/** Bumped when the rendering pipeline changes in a way the hash inputs do not show. */
const pipelineVersion = 1;

export const installHint =
  'Spoken guidance is rendered at build time with espeak-ng and ffmpeg. Install them: apt-get install -y espeak-ng ffmpeg';

export function clipHash(voice: string, text: string, settings: ClipSettings): string {
  return createHash('sha256').update(JSON.stringify({ pipelineVersion, voice, text, settings })).digest('hex').slice(0, 20);
}

function run(command: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} not found. ${installHint}`) : error),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`${command} exited with ${code}: ${Buffer.concat(err).toString().trim()}`)),
    );
    child.stdin.end(input);
  });
}

/** espeak-ng → WAV on stdout → ffmpeg → mono Ogg/Opus. */
export async function renderClip(voice: string, text: string, settings: ClipSettings): Promise<Buffer> {
  const wav = await run('espeak-ng', ['-v', voice, '-s', String(settings.wordsPerMinute), '--stdout', text]);
  return run(
    'ffmpeg',
    ['-loglevel', 'error', '-f', 'wav', '-i', 'pipe:0', '-ac', '1', '-c:a', 'libopus', '-b:a', settings.opusBitrate, '-f', 'ogg', 'pipe:1'],
    wav,
  );
}

export interface BuiltClip {
  fileName: string;
  source: Buffer;
}

export interface BuildClipsResult {
  manifest: VoiceManifest;
  clips: BuiltClip[];
  rendered: number;
  cached: number;
}

/** Renders (or takes from the cache) every clip of every language; two renders at a time. */
export async function buildClips(
  languages: readonly ClipLanguage[],
  options: { cacheDir: string; settings?: ClipSettings; publicPrefix?: string },
): Promise<BuildClipsResult> {
  const settings = options.settings ?? defaultClipSettings;
  const prefix = options.publicPrefix ?? '/voice/';
  await mkdir(options.cacheDir, { recursive: true });
  const manifest: VoiceManifest = {};
  const byHash = new Map<string, { voice: string; text: string }>();
  for (const language of languages) {
    const entries: Record<string, string> = {};
    for (const clip of clipNamesIn(language.messages)) {
      const text = language.messages[`voice.${clip}`]!;
      const hash = clipHash(language.espeakVoice, text, settings);
      byHash.set(hash, { voice: language.espeakVoice, text });
      entries[clip] = `${prefix}${hash}.ogg`;
    }
    manifest[language.tag] = entries;
  }

  let rendered = 0;
  let cached = 0;
  const jobs = [...byHash.entries()];
  const clips: BuiltClip[] = [];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const [hash, { voice, text }] = job;
      const cachePath = path.join(options.cacheDir, `${hash}.ogg`);
      let source: Buffer;
      if (existsSync(cachePath)) {
        source = await readFile(cachePath);
        cached += 1;
      } else {
        source = await renderClip(voice, text, settings);
        // write-then-rename: an interrupted build never leaves a half clip in the cache
        await writeFile(`${cachePath}.tmp`, source);
        await rename(`${cachePath}.tmp`, cachePath);
        rendered += 1;
      }
      clips.push({ fileName: `${hash}.ogg`, source });
    }
  };
  await Promise.all([worker(), worker()]);
  return { manifest, clips, rendered, cached };
}

/**
 * The Vite plugin: emits `voice/<hash>.ogg` and `voice/manifest.json` into the build output; under
 * `npm run dev` it renders into the cache and serves the same paths from there, so the dev UI speaks too.
 */
export function voiceClipsPlugin(options: { languages: () => readonly ClipLanguage[]; cacheDir: string }): Plugin {
  return {
    name: 'tongban-voice-clips',
    configureServer(server) {
      server.middlewares.use('/voice/', (request, response, next) => {
        void (async () => {
          const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
          if (name === 'manifest.json') {
            // re-read the texts on every request: an edited message is heard after a reload
            const { manifest } = await buildClips(options.languages(), { cacheDir: options.cacheDir });
            response.setHeader('Content-Type', 'application/json');
            response.end(JSON.stringify(manifest));
            return;
          }
          if (!/^[0-9a-f]{20}\.ogg$/.test(name)) return next();
          response.setHeader('Content-Type', 'audio/ogg');
          response.end(await readFile(path.join(options.cacheDir, name)));
        })().catch(next);
      });
    },
    async generateBundle() {
      const startedAt = performance.now();
      const result = await buildClips(options.languages(), { cacheDir: options.cacheDir });
      for (const clip of result.clips) {
        this.emitFile({ type: 'asset', fileName: `voice/${clip.fileName}`, source: clip.source });
      }
      this.emitFile({ type: 'asset', fileName: 'voice/manifest.json', source: JSON.stringify(result.manifest) });
      this.info(
        `voice clips: ${result.clips.length} (${result.rendered} rendered, ${result.cached} from cache) in ${Math.round(performance.now() - startedAt)} ms`,
      );
    },
  };
}
