import { clipUrl, type VoiceManifest } from './voice-manifest.ts';

/** The part of HTMLAudioElement the guide uses, so tests can pass a fake. */
export interface AudioLike {
  src: string;
  currentTime: number;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
}

export type VoiceState = 'idle' | 'playing' | 'stopped' | 'missing';

export interface VoiceGuide {
  /** speaks `clip` in `language`, cutting off whatever was speaking (EN 301 549 5.1.3.5) */
  say(clip: string, language: string): Promise<void>;
  /** speaks the last clip again from the start (the "listen again" button) */
  repeat(): Promise<void>;
  /** silence at once: the citizen touched the screen */
  stop(): void;
  /** forgets the last clip too: at session end nothing of the visit stays */
  reset(): void;
  /** the audio element reached the end of the clip */
  ended(): void;
  /** speech speed: 1 normally, slower in elder mode (pitch is kept by the browser) */
  setRate(rate: number): void;
  readonly state: VoiceState;
  readonly current: { clip: string; language: string } | null;
}

/**
 * One voice for the whole kiosk: a single audio element, so two clips never talk over each other.
 * `onChange` reports what is speaking (the app mirrors it on <html> for tests and for staff).
 */
export function createVoiceGuide(deps: {
  loadManifest: () => Promise<VoiceManifest>;
  audio: AudioLike;
  onChange?: (state: VoiceState, current: { clip: string; language: string } | null) => void;
  /** a language file without a clip falls back to this language's clip, as its texts fall back to zh-CN */
  fallbackLanguage?: string;
}): VoiceGuide {
  const { audio, loadManifest, onChange = () => undefined, fallbackLanguage = 'zh-CN' } = deps;
  let current: { clip: string; language: string } | null = null;
  let state: VoiceState = 'idle';
  // every say() gets a number; a manifest that arrives after a newer say() must not play an old clip
  let generation = 0;
  let rate = 1;

  const setState = (next: VoiceState) => {
    state = next;
    onChange(state, current);
  };

  async function play(clip: string, language: string): Promise<void> {
    const mine = ++generation;
    current = { clip, language };
    audio.pause();
    const manifest = await loadManifest();
    const url = clipUrl(manifest, language, clip) ?? clipUrl(manifest, fallbackLanguage, clip);
    if (mine !== generation) return;
    if (url === null) {
      setState('missing');
      return;
    }
    audio.src = url;
    audio.currentTime = 0;
    // a new source resets playbackRate to the default rate in some browsers: set it after src
    audio.playbackRate = rate;
    setState('playing');
    try {
      await audio.play();
    } catch {
      // autoplay refused or the file is gone: the screen still says everything in text
      if (mine === generation) setState('stopped');
    }
  }

  return {
    say: play,
    repeat: () => (current ? play(current.clip, current.language) : Promise.resolve()),
    stop() {
      generation += 1;
      audio.pause();
      if (state === 'playing') setState('stopped');
    },
    reset() {
      generation += 1;
      audio.pause();
      current = null;
      setState('idle');
    },
    setRate(next) {
      rate = next;
      audio.playbackRate = next;
    },
    ended() {
      if (state === 'playing') setState('idle');
    },
    get state() {
      return state;
    },
    get current() {
      return current;
    },
  };
}
