// Mounts one of the camera screens on the bridge's own origin in Chromium, without the
// rest of the kiosk app: the screen's real component, machine and bridge client are bundled with
// esbuild and injected into a blank page, so a test drives exactly what a journey will show.
import { readFile } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/browser.ts';
import { repoRoot } from '../support/repo.ts';

export type CameraScreenName = 'face-check' | 'document-capture';

const entries: Record<CameraScreenName, string> = {
  'document-capture': `
    import { h, render } from 'preact';
    import { createActor } from 'xstate';
    import { provideDocumentCapture } from './camera-actors.ts';
    import { createBridgeClient } from '../bridge/client.ts';
    import { DocumentCaptureScreen } from './document-capture-screen.tsx';
    // like the kiosk UI, hold the event stream open: the bridge ends a session whose UI went away
    new EventSource('/api/events');
    const actor = createActor(provideDocumentCapture(createBridgeClient()), { input: { materialId: 'hukou-page', materialName: '户口簿首页' } });
    actor.subscribe((snapshot) => { if (snapshot.status === 'done') window.__cameraOutput = snapshot.output; });
    actor.start();
    render(h(DocumentCaptureScreen, { actor }), document.getElementById('root'));
  `,
  'face-check': `
    import { h, render } from 'preact';
    import { createActor } from 'xstate';
    import { provideFaceCheck } from './camera-actors.ts';
    import { createBridgeClient } from '../bridge/client.ts';
    import { FaceCheckScreen } from './face-check-screen.tsx';
    new EventSource('/api/events');
    const actor = createActor(provideFaceCheck(createBridgeClient()));
    actor.subscribe((snapshot) => { if (snapshot.status === 'done') window.__cameraOutput = snapshot.output; });
    actor.start();
    render(h(FaceCheckScreen, { actor }), document.getElementById('root'));
  `,
};

/** The catalogue's extra languages are found by Vite's import.meta.glob; the screens need only zh-CN/en. */
const withoutViteGlobs: Plugin = {
  name: 'without-vite-globs',
  setup(builder) {
    builder.onLoad({ filter: /kiosk-ui\/src\/.*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.glob')) return undefined;
      return { contents: source.replace(/import\.meta\.glob(<[^>]*>)?\([^)]*\)/g, '({})'), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Each screen is bundled once per test file (the sources do not change during a run). */
const bundles = new Map<CameraScreenName, Promise<string>>();

export function bundleCameraScreen(name: CameraScreenName): Promise<string> {
  let bundle = bundles.get(name);
  if (bundle === undefined) {
    bundle = bundleOnce(name);
    bundles.set(name, bundle);
  }
  return bundle;
}

async function bundleOnce(name: CameraScreenName): Promise<string> {
  const result = await build({
    stdin: { contents: entries[name], resolveDir: `${repoRoot}/kiosk-ui/src/camera`, loader: 'tsx', sourcefile: `${name}-harness.tsx` },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty' },
    plugins: [withoutViteGlobs],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * A page on the bridge's origin (so the screen's same-origin requests and `<img>` streams work)
 * holding only the screen. CSP is bypassed for the injected bundle alone; the bridge's headers
 * are unchanged for everything the screen loads.
 */
export async function openCameraScreen(
  browser: Browser,
  bridgeUrl: string,
  name: CameraScreenName,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', bypassCSP: true, hasTouch: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${bridgeUrl}/api/health`);
  await page.setContent('<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: await bundleCameraScreen(name) });
  return { page, problems, close: () => context.close() };
}

/**
 * The same screen in a Chromium with its own profile directory on disk (what the kiosk's Chromium
 * keeps between visits), so a test can look through that directory afterwards.
 */
export async function openCameraScreenWithProfile(
  userDataDir: string,
  bridgeUrl: string,
  name: CameraScreenName,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    bypassCSP: true,
    hasTouch: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${bridgeUrl}/api/health`);
  await page.setContent('<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: await bundleCameraScreen(name) });
  return { page, problems, close: () => context.close() };
}

/** Waits until the `<img>` matching `selector` has decoded a picture; returns its natural size. */
export async function pictureShown(page: Page, selector: string): Promise<{ width: number; height: number }> {
  await page.waitForFunction(
    (query) => {
      const image = document.querySelector<HTMLImageElement>(query);
      return image !== null && image.naturalWidth > 0;
    },
    selector,
    { timeout: 15_000 },
  );
  return page.$eval(selector, (image) => ({
    width: (image as HTMLImageElement).naturalWidth,
    height: (image as HTMLImageElement).naturalHeight,
  }));
}
