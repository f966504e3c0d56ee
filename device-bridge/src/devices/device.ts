import type { CardIdentity, DeviceId, DeviceStatus, PrinterCondition } from '../api/index.ts';
import type { SamFault } from '../api/sim-faults.ts';
import type { ReceiptDocument } from './receipt-printer/codec/document.ts';

/**
 * Every device is an interface with a real driver and simulators (architecture rule 1). The bridge only
 * ever talks to these interfaces; the composition root picks the implementation from config.
 */
export interface Device {
  readonly id: DeviceId;
  /** e.g. "simulated", "memory", "sam-serial" */
  readonly driver: string;
  status(): DeviceStatus;
  /** called on every status change; returns an unsubscribe function */
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the reader reports while a card is presented. */
export type CardReadEvent =
  /** a card was placed and found: reading starts */
  | { kind: 'reading' }
  /**
   * `photo`: the card's raw 1024-byte WLT photo when the reader delivered one. Personal data:
   * bridge memory for the session only, never to the UI or a log (id-reader/photo-decoder.ts).
   * It is lent for the duration of the call: the reader zeroes it when its listeners return, so a
   * listener that keeps it (the session) keeps a copy.
   */
  | { kind: 'read'; identity: CardIdentity; photo?: Uint8Array }
  /**
   * the card was presented but could not be read (moved away, damaged, not an ID card);
   * `reason` is a machine reason for logs (a SAM status name or a decoding problem), never card data
   */
  | { kind: 'unreadable'; reason?: string }
  /** the card was taken off the reader (reported by drivers that can tell) */
  | { kind: 'removed' };

export interface IdReader extends Device {
  readonly id: 'id-reader';
  onCard(listener: (event: CardReadEvent) => void): () => void;
}

export interface CodeScanner extends Device {
  readonly id: 'scanner';
  /** one decoded code (QR / barcode) as text */
  onScan(listener: (data: string) => void): () => void;
}

/** A document ready for the A4 printer. The PDF holds personal data: drivers must not keep it. */
export interface PrintDocument {
  jobId: string;
  pdf: Buffer;
  /** pages of one copy */
  pages: number;
  /** identical copies (1–3); absent = 1 */
  copies?: number;
}

export type PrintProgress =
  /** the printer system took the job and gave it this id (store it: a restart follows the job by it) */
  | { kind: 'submitted'; printerJobId: string }
  | { kind: 'started' }
  | { kind: 'page'; pagesPrinted: number }
  /** the printer stopped for a condition someone must fix; printing resumes by itself after */
  | { kind: 'held'; reason: PrinterCondition | 'disconnected' }
  | { kind: 'resumed' };

export class PrintFailedError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'PrintFailedError';
  }
}

export interface A4Printer extends Device {
  readonly id: 'a4-printer';
  /**
   * Prints the document. Resolves when the last page is out; waits (reporting `held`) while the
   * printer needs attention; rejects with PrintFailedError only when the job cannot print at all.
   */
  print(document: PrintDocument, onProgress: (progress: PrintProgress) => void): Promise<void>;
  /**
   * After a bridge restart: what became of a job handed over before the crash. Resolves 'printed'
   * once the printer has finished it, 'unknown' when the printer never received it (safe to send
   * again); rejects with PrintFailedError when it was aborted or cancelled. Waits while it prints.
   */
  follow(jobId: string, printerJobId: string | null, onProgress: (progress: PrintProgress) => void): Promise<'printed' | 'unknown'>;
}

export interface ReceiptPrinter extends Device {
  readonly id: 'receipt-printer';
  /**
   * Prints one slip (ESC/POS). Checks the printer's real-time status first and after; rejects with
   * PrintFailedError(reason = printer condition) when it cannot print or the paper ran out meanwhile.
   */
  print(document: ReceiptDocument): Promise<void>;
}

export interface Camera extends Device {
  readonly id: 'camera' | 'document-camera';
  /**
   * Preview frames (one JPEG each, untrusted bytes) for as long as a listener is subscribed: the
   * camera streams only while someone watches. Returns an unsubscribe function.
   */
  onFrame(listener: (jpeg: Buffer) => void): () => void;
  /** One still at the camera's full resolution (JPEG); rejects when the camera cannot deliver one. */
  captureStill(): Promise<Buffer>;
}

export interface DeviceSet {
  'id-reader': IdReader;
  scanner: CodeScanner;
  'a4-printer': A4Printer;
  'receipt-printer': ReceiptPrinter;
  camera: Camera;
  'document-camera': Camera & { readonly id: 'document-camera' };
}

/**
 * Controls of simulated devices, behind /api/sim/* (present only when devices are simulated).
 * The dev panel and tests use these like a person plugging hardware in and out.
 */
export interface SimulationControls {
  placeCard(identity: CardIdentity): void;
  /** a made-up card of one of the four SAM card types, or a card whose chip cannot be read */
  placeTestCard(
    card: { cardType: 'resident-id' | 'hmt-residence-permit' | 'foreign-permanent-2017' | 'foreign-permanent-2023' } | { damaged: true },
  ): void;
  /** SAM fault injection (api/sim-faults.ts); null clears */
  setIdReaderFault(fault: SamFault | null): void;
  removeCard(): void;
  scan(data: string): void;
  setPrinterCondition(printer: 'a4-printer' | 'receipt-printer', condition: PrinterCondition): void;
  /** slips the simulated receipt printer printed (newest last), as text and as an SVG picture */
  receipts(): Array<{ text: string; svg: string; incomplete: boolean }>;
  disconnect(device: DeviceId): void;
  connect(device: DeviceId): void;
}
