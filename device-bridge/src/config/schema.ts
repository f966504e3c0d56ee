import { z } from 'zod';
import { fleetConfigSchema, technicianConfigSchema } from '../fleet/fleet-config.ts';

/**
 * The kiosk's configuration (architecture rule 8). config/default.json holds every default; a site
 * override named by KIOSK_CONFIG is deep-merged over it and the result must parse with this schema.
 * Drivers listed here are the ones this build really has; a real-hardware driver is added to a
 * device's union when the driver is built, never before.
 */
const simulatedDevice = z.object({ driver: z.literal('simulated') }).strict();

const simulatedIdReader = simulatedDevice
  .extend({
    /** how long the simulated SAM takes from card placed to text read (real readers: 0.5–1.5 s) */
    readMs: z.number().int().min(0).max(10_000).default(700),
  })
  .strict();

/** Serial line settings every serial device shares. */
const serialPath = z.string().min(1, 'a serial device path such as /dev/ttyUSB0 or /dev/serial/by-id/…');
const baudRate = z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]);
/**
 * Raw traffic recording (record & replay): off unless a technician names a file. The file
 * holds card data in clear — personal data — so the bridge warns in its log while it records.
 */
const recordTraffic = z.string().min(1).optional();

/** A GA/T 467 SAM resident ID card reader on a serial port (USB-serial adapter). */
const samSerialIdReader = z
  .object({
    driver: z.literal('sam-serial'),
    path: serialPath,
    /** SAM modules ship at 115200 */
    baudRate: baudRate.default(115200),
    /** per-command answer timeouts, ms (vendor practice: find 500, select 500, read 3500) */
    timeouts: z
      .object({
        find: z.number().int().min(50).max(10_000),
        select: z.number().int().min(50).max(10_000),
        read: z.number().int().min(200).max(20_000),
        other: z.number().int().min(50).max(10_000),
      })
      .strict()
      .default({ find: 500, select: 500, read: 3500, other: 1000 }),
    /** pause between finds while no card lies on the reader */
    pollIntervalMs: z.number().int().min(10).max(5_000).default(250),
    /** read with 30 10 (fingerprint templates are read and dropped) instead of 30 01 */
    readFingerprint: z.boolean().default(false),
    /** also read the newest appended address (30 03) of resident ID cards */
    readAppendedAddress: z.boolean().default(true),
    recordTraffic,
  })
  .strict();

/** A QR/barcode scanner in USB-CDC (virtual COM) mode: one code per line. */
const serialScanner = z
  .object({
    driver: z.literal('serial'),
    path: serialPath,
    /** CDC ignores it; a real RS-232 scanner usually runs at 9600 */
    baudRate: baudRate.default(9600),
    /** what the scanner appends to each code (its "suffix" setting) */
    suffix: z.enum(['cr', 'lf', 'crlf', 'tab']).default('cr'),
    recordTraffic,
  })
  .strict();

/** A scanner in HID POS mode (usage page 0x8C), through node-hid, found by USB vendor and product id. */
const hidPosScanner = z
  .object({
    driver: z.literal('hid-pos'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /** how often to look for the scanner while it is unplugged (node-hid has no hot-plug events) */
    rescanMs: z.number().int().min(100).max(60_000).default(1_000),
    /**
     * send feature report 0xFE = [0x01] after opening, which Honeywell and Youjie scanners need
     * before they send any scan; absent: on for vendor ids 0x0C2E and 0x23D0 only
     */
    enableFeatureReport: z.boolean().optional(),
  })
  .strict();

const simulatedA4Printer = simulatedDevice
  .extend({
    /** time per page (a small office laser: 2–4 s per page) */
    pageMs: z.number().int().min(0).max(60_000).default(1500),
  })
  .strict();

/** The A4 laser through CUPS over IPP: the queue set up by the technician with printer-error-policy=abort-job. */
const cupsA4Printer = z
  .object({
    driver: z.literal('cups'),
    /** CUPS queue name, e.g. Kiosk_A4 */
    queue: z.string().regex(/^[A-Za-z0-9_.-]{1,127}$/, 'a CUPS queue name: letters, digits, _ . -'),
    /** the CUPS server; the kiosk's own cupsd on loopback by default */
    server: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:631'),
    /** how often printer and job state are asked for */
    pollMs: z.number().int().min(100).max(10_000).default(1000),
    /**
     * paper-out, a jam or an open door for longer than this in the middle of a job: the kiosk cancels
     * the job and tells the citizen (a real backend would wait with the job until paper comes back)
     */
    faultGraceMs: z.number().int().min(500).max(300_000).default(20_000),
    /** a job waiting longer than this for any other reason (queue stopped, printer offline, CUPS down) is cancelled and failed */
    maxHeldMs: z.number().int().min(1_000).max(3_600_000).default(120_000),
  })
  .strict();

/** The 80 mm thermal printer speaking ESC/POS on a serial port. */
const escposSerialReceiptPrinter = z
  .object({
    driver: z.literal('escpos-serial'),
    path: z.string().min(1, 'a serial device path such as /dev/ttyUSB1 or /dev/serial/by-id/…'),
    baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(9600),
    /** DLE EOT status poll while idle */
    pollMs: z.number().int().min(100).max(60_000).default(2000),
    /** a status reply later than this means the printer is not answering */
    replyTimeoutMs: z.number().int().min(50).max(5_000).default(500),
  })
  .strict();

/** A UVC camera read through ffmpeg; document heads: stillSize at full sensor resolution. */
const videoSize = z.string().regex(/^[1-9][0-9]{1,4}x[1-9][0-9]{1,4}$/, 'WIDTHxHEIGHT such as 1280x720');
const v4l2Camera = z
  .object({
    driver: z.literal('v4l2'),
    /** prefer a stable /dev/v4l/by-id/… name over /dev/videoN, which can change between boots */
    device: z.string().regex(/^\/dev\//, 'a device path under /dev, e.g. /dev/v4l/by-id/usb-…-video-index0'),
    previewSize: videoSize.default('1280x720'),
    previewFps: z.number().int().min(1).max(60).default(15),
    /** full-resolution stills (e.g. 2592x1944 on a 5 MP document head); absent: a still is a preview frame */
    stillSize: videoSize.optional(),
  })
  .strict();

/**
 * A site-installed program the bridge runs (execFile, no shell) for what only a vendor can do;
 * see face/plugin-command.ts. Personal data goes to it on stdin, never in `args`.
 */
const pluginCommand = z
  .object({
    driver: z.literal('command'),
    /** absolute path of the program */
    command: z.string().regex(/^\//, 'an absolute path such as /opt/vendor/bin/wlt2bmp'),
    args: z.array(z.string().max(200)).max(20).default([]),
    /** the program is killed after this long and its answer counts as none */
    timeoutMs: z.number().int().min(100).max(30_000).default(5_000),
    /** more output than this is refused (and the program killed) */
    maxOutputBytes: z.number().int().min(1_024).max(4_194_304).default(262_144),
  })
  .strict();

/** Face verification (人证比对): 1:1 against the card photo, with alternatives always offered. */
const faceCheck = z
  .object({
    /** false: the face check is never offered; the alternatives still are */
    enabled: z.boolean(),
    /** similarity (0..1) of live face and card photo at or above which they are the same person */
    threshold: z.number().min(0.3).max(0.99),
    /** the model's live and real scores must both reach this (0..1) */
    livenessThreshold: z.number().min(0).max(1),
    /** attempts per session before only the alternatives remain */
    maxAttempts: z.number().int().min(1).max(10),
    /** the non-face ways offered on the same screen; at least one (人脸识别技术应用安全管理办法) */
    alternatives: z.array(z.enum(['e-id', 'staff'])).min(1),
    /**
     * the licensed WLT card-photo decoder: the 1024 WLT bytes on stdin (or in the file an argument
     * names `{wlt}`), a JPEG or BMP on stdout (or in the file `{out}`). Absent: the fixture decoder
     * with a simulated ID reader, none with a real one (then no face check is offered).
     */
    photoDecoder: pluginCommand.optional(),
    /**
     * a CTID client for mobile e-ID codes: the code on stdin, `{"identity": {…}|null}` on stdout.
     * Absent: the simulated verifier with a simulated reader and scanner, none otherwise (then the
     * e-ID is not offered, neither to log in nor to confirm).
     */
    eIdVerifier: pluginCommand.optional(),
  })
  .strict();

export const configSchema = z
  .object({
    kiosk: z
      .object({
        /** terminal id: shown to staff and sent with ratings; never personal */
        id: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and dashes, at most 32'),
        siteName: z.string().min(1).max(60),
        /** shown on the out-of-service screen */
        helpPhone: z.string().regex(/^[0-9+\- ]{3,20}$/, 'a phone number such as 0571-12345678 or 12345'),
        /**
         * languages the screen offers (tags of the UI's built-in languages and locale files); absent:
         * every language the build has. zh-CN is the one the kiosk starts in, so it is always there.
         */
        languages: z
          .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as zh-CN, en or ug'))
          .min(1)
          .max(12)
          .refine((tags) => tags.includes('zh-CN'), 'must include zh-CN, the language the kiosk starts in')
          .refine((tags) => new Set(tags).size === tags.length, 'each language once')
          .optional(),
      })
      .strict(),
    server: z
      .object({
        /** the bridge listens on loopback only; the kiosk browser is on the same machine */
        host: z.literal('127.0.0.1'),
        port: z.number().int().min(1).max(65_535),
      })
      .strict(),
    session: z
      .object({
        /** no touch for this long → the countdown starts */
        idleTimeoutSeconds: z.number().int().min(1).max(3_600),
        /** the countdown's length before the session ends by itself: at least 20 s of warning (WCAG 2.2.1) */
        countdownSeconds: z.number().int().min(20, 'at least 20 seconds, so a citizen is warned in time (WCAG 2.2.1)').max(300),
        /** the UI's event stream may drop this long (a reload) before the bridge ends the session */
        uiDisconnectGraceSeconds: z.number().min(0).max(300),
      })
      .strict(),
    devices: z
      .object({
        'id-reader': z.discriminatedUnion('driver', [simulatedIdReader, samSerialIdReader]),
        scanner: z.discriminatedUnion('driver', [simulatedDevice, serialScanner, hidPosScanner]),
        'a4-printer': z.discriminatedUnion('driver', [simulatedA4Printer, cupsA4Printer]),
        'receipt-printer': z.discriminatedUnion('driver', [simulatedDevice, escposSerialReceiptPrinter]),
        camera: z.discriminatedUnion('driver', [simulatedDevice, v4l2Camera]),
        'document-camera': z.discriminatedUnion('driver', [simulatedDevice, v4l2Camera]),
      })
      .strict(),
    /** where government data comes from: the embedded demo platform, or a platform server over HTTP (config/platform-openapi.json) */
    platform: z.discriminatedUnion('driver', [
      z.object({ driver: z.literal('embedded') }).strict(),
      z
        .object({
          driver: z.literal('http'),
          /** e.g. http://127.0.0.1:8090 for `npm run platform` */
          baseUrl: z.url({ protocol: /^https?$/ }),
          /** per request; a slow platform must not hold a citizen at the screen */
          timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
          /** extra attempts for reads only (GET); writes are retried by the outbox with their idempotency key */
          readRetries: z.number().int().min(0).max(5).default(2),
        })
        .strict(),
    ]),
    certificates: z
      .object({
        /** the issuing body printed on certificates and in the seal */
        issuer: z.string().min(2).max(30),
        /** how long a printed certificate is valid for its purpose */
        validityDays: z.number().int().min(1).max(366),
        /** where a receiver checks a certificate; the QR code holds this URL plus number and code */
        verificationBaseUrl: z.url({ protocol: /^https?$/ }),
        /** optional PAdES signature of every certificate PDF: files outside the repo */
        pades: z
          .object({
            /** PKCS#12 bundle of the issuing body's signing key and certificate */
            p12File: z.string().min(1),
            /** a file holding the bundle's passphrase (one line) */
            passphraseFile: z.string().min(1),
            /** signing location shown by PDF readers, e.g. 杭州市 */
            location: z.string().max(40).default(''),
          })
          .strict()
          .optional(),
      })
      .strict(),
    printing: z
      .object({
        /**
         * after a restart, a certificate the printer never received is still sent if it was asked for
         * at most this long ago; an older one goes to the technician's list (打印异常) as interrupted
         */
        resumeWithinSeconds: z.number().int().min(0).max(3_600),
      })
      .strict(),
    face: faceCheck,
    /** technician mode */
    technician: technicianConfigSchema,
    /** MQTT presence and remote commands */
    fleet: fleetConfigSchema,
    log: z.object({ level: z.enum(['debug', 'info', 'warn', 'error']) }).strict(),
    /** where the kiosk's keys live (outbox, spool, certificate signing, platform token, technician pepper, fleet command) */
    secrets: z
      .object({
        /**
         * a directory readable by the bridge's user only, e.g. /etc/tongban/secrets on its own mount;
         * a relative path is under the data directory (KIOSK_DATA_DIR), so "secrets" is var/secrets
         */
        dir: z.string().min(1, 'a directory such as secrets (under the data directory) or /etc/tongban/secrets'),
      })
      .strict(),
  })
  .strict();

export type KioskConfig = z.infer<typeof configSchema>;
export type DevicesConfig = KioskConfig['devices'];
