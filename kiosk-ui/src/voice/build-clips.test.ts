import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClips, renderClip, defaultClipSettings, type ClipLanguage } from './build-clips.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('build-time voice clips (espeak-ng → ffmpeg)', () => {
  it('renders each voice text once as Ogg/Opus, then serves rebuilds from the cache', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'tongban-voice-'));
    dirs.push(cacheDir);
    const languages: ClipLanguage[] = [
      {
        tag: 'zh-CN',
        espeakVoice: 'cmn',
        messages: { 'voice.attract': '请把身份证放在感应区。', 'voice.repeat': '再听一遍', 'attract.title': '不读' },
      },
      { tag: 'en', espeakVoice: 'en', messages: { 'voice.attract': 'Please place your ID card on the reader.' } },
    ];
    const first = await buildClips(languages, { cacheDir });
    expect(first.rendered).toBe(2);
    // the repeat button's own label and ordinary texts are not clips
    expect(Object.keys(first.manifest['zh-CN']!)).toEqual(['attract']);
    expect(first.manifest.en!.attract).toMatch(/^\/voice\/[0-9a-f]{20}\.ogg$/);
    for (const clip of first.clips) {
      expect(clip.source.subarray(0, 4).toString('latin1')).toBe('OggS');
      expect(clip.source.length).toBeGreaterThan(1_000);
    }

    const again = await buildClips(languages, { cacheDir });
    expect({ rendered: again.rendered, cached: again.cached }).toEqual({ rendered: 0, cached: 2 });
    expect(again.manifest).toEqual(first.manifest);
  });

  it('a changed text gets a new file name, so a cached old clip is never served for it', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'tongban-voice-'));
    dirs.push(cacheDir);
    const one = await buildClips([{ tag: 'en', espeakVoice: 'en', messages: { 'voice.menu': 'Choose a service.' } }], { cacheDir });
    const two = await buildClips([{ tag: 'en', espeakVoice: 'en', messages: { 'voice.menu': 'Please choose a service.' } }], { cacheDir });
    expect(two.manifest.en!.menu).not.toBe(one.manifest.en!.menu);
    expect(two.rendered).toBe(1);
  });

  it('without espeak-ng the build stops and names the apt-get line', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(renderClip('en', 'hello', defaultClipSettings)).rejects.toThrow('apt-get install -y espeak-ng ffmpeg');
    } finally {
      process.env.PATH = path;
    }
  });
});
