/**
 * Which audio file speaks which clip in which language. Written by the build (vite.config.ts →
 * voice/build-clips.ts) next to the clips, as `voice/manifest.json`:
 * `{ "zh-CN": { "attract": "/voice/3f2a….ogg", … }, "en": { … } }`.
 * The clips are plain files on the kiosk itself, so guidance works with no network at all.
 */
export type VoiceManifest = Record<string, Record<string, string>>;

export const voiceManifestPath = '/voice/manifest.json';

export function clipUrl(manifest: VoiceManifest, language: string, clip: string): string | null {
  return manifest[language]?.[clip] ?? null;
}

/** Reads the manifest once; a kiosk without one (a dev server) simply stays silent. */
export function createManifestLoader(fetchImpl: (url: string) => Promise<Response> = (url) => fetch(url)) {
  let pending: Promise<VoiceManifest> | null = null;
  return (): Promise<VoiceManifest> => {
    pending ??= fetchImpl(voiceManifestPath)
      .then((response) => (response.ok ? (response.json() as Promise<VoiceManifest>) : {}))
      .catch(() => ({}));
    return pending;
  };
}
