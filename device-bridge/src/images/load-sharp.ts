import type sharpModule from 'sharp';

export type Sharp = typeof sharpModule;

let loading: Promise<Sharp> | null = null;

/**
 * sharp (libvips) costs the bridge about 30 MB of memory and 50 ms at start, yet only camera work
 * (simulated frames, document pages, face frames) needs it: it is loaded on the first such call.
 */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
