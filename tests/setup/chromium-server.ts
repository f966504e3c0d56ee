// Global set-up of the e2e project: one Chromium for the whole run instead of one per test file.
// Launching and closing it cost about a second per file on a 2-core machine; the files connect to this one
// over Playwright's WebSocket (see tests/support/test-browser.ts) and still get a fresh browser
// context each, so no cookie, storage or cache is shared between tests. Like every Playwright
// launch it runs on a fresh temporary profile, deleted when the server closes.
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumPath } from '../support/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the shared Chromium's Playwright endpoint (ws://127.0.0.1:…) */
    chromiumWsEndpoint: string;
  }
}

let server: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await chromium.launchServer({ executablePath: chromiumPath, args: [...chromiumArgs] });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await server?.close();
}
