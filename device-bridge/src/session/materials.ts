import type { MaterialCaptureView } from '../api/index.ts';
import { pagesToPdf } from '../capture/pages-pdf.ts';
import { processPage } from '../capture/process-page.ts';
import type { Camera } from '../devices/device.ts';
import { DomainError, noSession } from '../errors/domain-error.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';

/**
 * Pages photographed on the document camera (高拍仪) in the current session, per material. They live
 * in this process's memory only — never a file — and are zero-filled when the session ends, when
 * the capture is deleted, or when application submit has copied them (release).
 */
interface StoredPage {
  jpeg: Buffer;
  width: number;
  height: number;
  cropped: boolean;
}

interface Capture {
  captureId: string;
  materialId: string;
  pages: StoredPage[];
}

export interface MaterialStoreDeps {
  camera: Camera;
  currentSessionId: () => string | null;
  newId: () => string;
  clock: Clock;
  logger: EventLogger;
  maxPageBytes?: number;
  /** a session may hold at most this many pages in all (memory bound) */
  maxPages?: number;
}

const notFound = () => new DomainError('not-found', 'no such capture or page in this session');

export function createMaterialStore(deps: MaterialStoreDeps) {
  const maxPages = deps.maxPages ?? 60;
  let sessionId: string | null = null;
  let captures = new Map<string, Capture>();
  /** pages captured since start, for metrics (a count, nothing else) */
  let pagesCaptured = 0;

  function wipe(): void {
    let pages = 0;
    for (const capture of captures.values()) {
      for (const page of capture.pages) page.jpeg.fill(0);
      pages += capture.pages.length;
      capture.pages = [];
    }
    captures = new Map();
    sessionId = null;
    if (pages > 0) deps.logger.log('materials-wiped', { pages });
  }

  /** the captures of the current session; a different (or no) session means the old ones go */
  function current(): Map<string, Capture> {
    const id = deps.currentSessionId();
    if (id !== sessionId) wipe();
    if (!id) throw noSession();
    sessionId = id;
    return captures;
  }

  function view(capture: Capture): MaterialCaptureView {
    return {
      captureId: capture.captureId,
      materialId: capture.materialId,
      pages: capture.pages.map((page, index) => ({
        index,
        width: page.width,
        height: page.height,
        bytes: page.jpeg.length,
        cropped: page.cropped,
      })),
    };
  }

  function find(captureId: string): Capture {
    const capture = current().get(captureId);
    if (!capture) throw notFound();
    return capture;
  }

  async function shoot(): Promise<StoredPage> {
    const total = [...current().values()].reduce((sum, capture) => sum + capture.pages.length, 0);
    if (total >= maxPages) throw new DomainError('too-many-pages', `at most ${maxPages} pages per visit`);
    const started = deps.clock.now().getTime();
    let still: Buffer;
    try {
      still = await deps.camera.captureStill();
    } catch (error) {
      throw new DomainError('device-unavailable', `the document camera cannot take a picture now (${(error as Error).message})`);
    }
    try {
      const page = await processPage(still, { maxBytes: deps.maxPageBytes ?? 500_000 });
      deps.logger.log('material-page-captured', {
        bytes: page.jpeg.length,
        cropped: page.cropped,
        ms: deps.clock.now().getTime() - started,
      });
      pagesCaptured += 1;
      return { jpeg: page.jpeg, width: page.width, height: page.height, cropped: page.cropped };
    } catch (error) {
      // device bytes are untrusted: a still that does not decode (a USB glitch) is a picture to take again
      deps.logger.log('material-page-failed', { message: (error as Error).message });
      throw new DomainError('device-unavailable', 'the picture did not come out; take it again');
    } finally {
      still.fill(0);
    }
  }

  /** a page taken for a capture that was deleted meanwhile is dropped, not stored */
  function stillThere(capture: Capture, page: StoredPage): boolean {
    if (captures.get(capture.captureId) === capture) return true;
    page.jpeg.fill(0);
    return false;
  }

  return {
    start(materialId: string): MaterialCaptureView {
      const capture: Capture = { captureId: deps.newId(), materialId, pages: [] };
      current().set(capture.captureId, capture);
      return view(capture);
    },
    list(): MaterialCaptureView[] {
      return [...current().values()].map(view);
    },
    get(captureId: string): MaterialCaptureView {
      return view(find(captureId));
    },
    async addPage(captureId: string): Promise<MaterialCaptureView> {
      const capture = find(captureId);
      const page = await shoot();
      if (!stillThere(capture, page)) throw notFound();
      capture.pages.push(page);
      return view(capture);
    },
    async retakePage(captureId: string, index: number): Promise<MaterialCaptureView> {
      const capture = find(captureId);
      if (!capture.pages[index]) throw notFound();
      const page = await shoot();
      if (!stillThere(capture, page) || !capture.pages[index]) throw notFound();
      capture.pages[index]!.jpeg.fill(0);
      capture.pages[index] = page;
      return view(capture);
    },
    removePage(captureId: string, index: number): MaterialCaptureView {
      const capture = find(captureId);
      const [removed] = capture.pages.splice(index, 1);
      if (!removed) throw notFound();
      removed.jpeg.fill(0);
      return view(capture);
    },
    pageImage(captureId: string, index: number): Buffer {
      const page = find(captureId).pages[index];
      if (!page) throw notFound();
      return page.jpeg;
    },
    remove(captureId: string): void {
      const capture = find(captureId);
      for (const page of capture.pages) page.jpeg.fill(0);
      captures.delete(captureId);
    },
    /**
     * For the application submit: the material's pages as one PDF, or null when this session
     * has no such capture or it has no pages (→ 422 material-missing).
     */
    async assemblePdf(captureId: string): Promise<{ materialId: string; pages: number; pdf: Buffer } | null> {
      const capture = deps.currentSessionId() === sessionId ? captures.get(captureId) : undefined;
      if (!capture || capture.pages.length === 0) return null;
      const pdf = await pagesToPdf(capture.pages, capture.materialId);
      return { materialId: capture.materialId, pages: capture.pages.length, pdf };
    },
    /** drops a capture once its PDF has been taken over (encrypted) by the outbox */
    release(captureId: string): void {
      const capture = captures.get(captureId);
      if (!capture) return;
      for (const page of capture.pages) page.jpeg.fill(0);
      captures.delete(captureId);
    },
    /** the session ended: every page is zero-filled and dropped */
    wipe,
    counts: () => ({ pagesCaptured }),
    /** pages held now (for tests and the privacy check) */
    pagesHeld(): number {
      return [...captures.values()].reduce((sum, capture) => sum + capture.pages.length, 0);
    },
  };
}

export type MaterialStore = ReturnType<typeof createMaterialStore>;
