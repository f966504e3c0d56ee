/**
 * What a browser keeps of a visit besides the page itself, cleared when a visit ends (the flow
 * machine forgets its context; screens unmount with their state). The kiosk UI stores nothing on
 * purpose, so this is the safety net against anything that did: Web Storage, Cache Storage,
 * IndexedDB, object URLs of captured images, resource timing entries (URLs of the visit's
 * requests), text selection and history state. The bridge's API answers are `no-store`, so the
 * HTTP cache holds none of them.
 */
const liveObjectUrls = new Set<string>();

/**
 * Use instead of URL.createObjectURL for anything of a citizen (a captured page, a face frame, a
 * signature image): the URL is revoked when the visit ends, even if its screen forgot to.
 */
export function createVisitObjectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  liveObjectUrls.add(url);
  return url;
}

export function revokeVisitObjectUrl(url: string): void {
  URL.revokeObjectURL(url);
  liveObjectUrls.delete(url);
}

export async function wipeBrowserTraces(): Promise<void> {
  for (const url of liveObjectUrls) URL.revokeObjectURL(url);
  liveObjectUrls.clear();
  try {
    sessionStorage.clear();
    localStorage.clear();
  } catch {
    // storage disabled by policy: nothing can be in it
  }
  window.getSelection()?.removeAllRanges();
  performance.clearResourceTimings();
  history.replaceState(null, '', location.pathname);
  const pending: Array<Promise<unknown>> = [];
  if ('caches' in window) {
    pending.push(caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))));
  }
  if ('indexedDB' in window && typeof indexedDB.databases === 'function') {
    pending.push(
      indexedDB
        .databases()
        .then((databases) => Promise.all(databases.map((database) => (database.name ? indexedDB.deleteDatabase(database.name) : null)))),
    );
  }
  await Promise.allSettled(pending);
}
