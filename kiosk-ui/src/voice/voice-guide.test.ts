import { describe, expect, it } from 'vitest';
import { catalogues, languages } from '../i18n/messages.ts';
import { screenNames } from '../flows/screen-names.ts';
import { createVoiceGuide, type AudioLike } from './voice-guide.ts';
import { clipNamesIn, overlayClips, voiceKeyOf } from './screen-voice.ts';
import type { VoiceManifest } from './voice-manifest.ts';

function fakeAudio(options: { refuse?: boolean } = {}) {
  const log: string[] = [];
  const audio: AudioLike & { log: string[] } = {
    src: '',
    currentTime: 0,
    playbackRate: 1,
    log,
    play() {
      log.push(`play ${audio.src}`);
      return options.refuse ? Promise.reject(new Error('NotAllowedError')) : Promise.resolve();
    },
    pause() {
      log.push('pause');
    },
  };
  return audio;
}

const manifest: VoiceManifest = {
  'zh-CN': { attract: '/voice/a-zh.ogg', menu: '/voice/m-zh.ogg' },
  en: { attract: '/voice/a-en.ogg' },
};

describe('voice guide', () => {
  it('speaks the clip of the language on screen, and cuts the previous one off', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => manifest });
    await guide.say('attract', 'zh-CN');
    await guide.say('attract', 'en');
    expect(audio.log).toEqual(['pause', 'play /voice/a-zh.ogg', 'pause', 'play /voice/a-en.ogg']);
    expect(guide.state).toBe('playing');
  });

  it('stops at a touch and "listen again" replays the same clip from the start', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => manifest });
    await guide.say('menu', 'zh-CN');
    audio.currentTime = 3.2;
    guide.stop();
    expect(guide.state).toBe('stopped');
    await guide.repeat();
    expect(audio.currentTime).toBe(0);
    expect(audio.log.at(-1)).toBe('play /voice/m-zh.ogg');
    expect(guide.state).toBe('playing');
  });

  it('a touch while the manifest is still loading keeps the clip from starting', async () => {
    const audio = fakeAudio();
    let release: (value: VoiceManifest) => void = () => undefined;
    const guide = createVoiceGuide({ audio, loadManifest: () => new Promise((resolve) => (release = resolve)) });
    const saying = guide.say('attract', 'zh-CN');
    guide.stop();
    release(manifest);
    await saying;
    expect(audio.log.filter((line) => line.startsWith('play'))).toEqual([]);
  });

  it('a language without the clip speaks the Chinese one, as its texts fall back to Chinese', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => manifest });
    await guide.say('menu', 'ug');
    expect(audio.log).toEqual(['pause', 'play /voice/m-zh.ogg']);
  });

  it('says "missing" when no language has the clip (e.g. a dev server without a build)', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => ({}) });
    await guide.say('menu', 'en');
    expect(guide.state).toBe('missing');
    expect(audio.log).toEqual(['pause']);
  });

  it('a refused autoplay leaves the screen usable and the state honest', async () => {
    const guide = createVoiceGuide({ audio: fakeAudio({ refuse: true }), loadManifest: async () => manifest });
    await guide.say('attract', 'zh-CN');
    expect(guide.state).toBe('stopped');
  });

  it('elder mode speaks slower, also for the clips that follow', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => manifest });
    guide.setRate(0.85);
    await guide.say('attract', 'zh-CN');
    expect(audio.playbackRate).toBe(0.85);
    guide.setRate(1);
    await guide.say('menu', 'zh-CN');
    expect(audio.playbackRate).toBe(1);
  });

  it('reset forgets the last clip, so "listen again" after a session says nothing of it', async () => {
    const audio = fakeAudio();
    const guide = createVoiceGuide({ audio, loadManifest: async () => manifest });
    await guide.say('menu', 'zh-CN');
    guide.reset();
    await guide.repeat();
    expect(guide.current).toBeNull();
    expect(audio.log.filter((line) => line.startsWith('play'))).toHaveLength(1);
  });
});

describe('spoken guidance texts', () => {
  it('every screen and overlay has guidance in every language', () => {
    for (const language of languages) {
      const clips = clipNamesIn(catalogues[language]);
      for (const clip of [...screenNames, ...overlayClips]) {
        expect(clips, `${language} has no ${voiceKeyOf(clip)}`).toContain(clip);
      }
    }
  });

  it('never speaks a placeholder (it could be filled with personal data)', () => {
    for (const language of languages) {
      for (const clip of clipNamesIn(catalogues[language])) {
        expect(catalogues[language][voiceKeyOf(clip as never)]).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
