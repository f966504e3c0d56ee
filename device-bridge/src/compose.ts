import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { repoRoot } from './config/load.ts';
import type { KioskConfig } from './config/schema.ts';
import type { BridgeContext } from './context.ts';
import { createDevices, startAll, stopAll } from './devices/create-devices.ts';
import type { Device } from './devices/device.ts';
import { createCertificateRenderer, newCertificateNumber } from './documents/index.ts';
import { createEventBus } from './events/event-bus.ts';
import { createEventLogger, type EventLogger } from './log/logger.ts';
import { recordBridgeStart } from './monitoring/bridge-starts.ts';
import { createKioskMetrics } from './monitoring/kiosk-metrics.ts';
import { loadOutboxStats } from './monitoring/outbox-source.ts';
import { createTechnicianService } from './technician/technician-service.ts';
import { watchPendingConfig } from './technician/pending-config.ts';
import { createLogRing } from './technician/log-ring.ts';
import { startFleet } from './fleet/start-fleet.ts';
import { createServiceMode } from './fleet/service-mode.ts';
import { startSystemdNotify } from './monitoring/systemd-notify.ts';
import { createPlatform } from './platform/create-platform.ts';
import { createKioskServices } from './outbox/kiosk-services.ts';
import { registerOutboxStats } from './outbox/outbox-stats.ts';
import { fixtureCitizens } from './platform/embedded/fixtures.ts';
import { classifyScan, scanEventOf } from './devices/scanner/classify-scan.ts';
import { createPrintService } from './printing/print-service.ts';
import { createReceiptService } from './printing/receipts.ts';
import { certificateSigningKey } from './documents/signing-key.ts';
import { padesSignerFromConfig } from './documents/pades.ts';
import { createSpool } from './printing/spool.ts';
import { loadOrCreateKey, secretsDirOf } from './secrets/secrets.ts';
import { admitCards } from './session/admit-cards.ts';
import { createSessionHolder } from './session/session-holder.ts';
import { openKioskStore } from './store/store.ts';
import { systemClock, type Clock } from './time/clock.ts';
import { createCameraServices } from './face/camera-services.ts';

export interface ComposeOptions {
  /** var/ by default: SQLite files, secrets, spool, simulated print-out */
  dataDir: string;
  /** the built UI (kiosk-ui/dist) */
  uiDir?: string;
  clock?: Clock;
  randomBytes?: (n: number) => Buffer;
  logger?: EventLogger;
  version?: string;
}

export interface Bridge {
  readonly context: BridgeContext;
  /** listens on config.server; resolves with the server once it accepts connections */
  listen(): Promise<Server>;
  /** ends any session (wiped), stops devices, closes stores */
  stop(): Promise<void>;
}

/** The composition root: config in, a wired bridge out. Real or simulated parts are chosen here. */
export async function composeBridge(config: KioskConfig, options: ComposeOptions): Promise<Bridge> {
  const clock = options.clock ?? systemClock;
  const random = options.randomBytes ?? randomBytes;
  // every line still goes to stdout (journald); the ring keeps the newest for the technician screen
  const logRing = createLogRing();
  const logger = options.logger ?? createEventLogger({ level: config.log.level, destination: logRing.destination });
  const { dataDir } = options;
  // every key below comes from config secrets.dir (var/secrets by default)
  const secretsDir = secretsDirOf(config, dataDir);

  const bus = createEventBus((error) => logger.log('request-failed', { message: (error as Error).message }));
  const store = openKioskStore(dataDir, logger);
  const platform = createPlatform(config, { dataDir, secretsDir, clock, randomBytes: random });
  const kioskServices = createKioskServices({
    db: store.db,
    platform,
    kioskId: config.kiosk.id,
    key: loadOrCreateKey(secretsDir, 'outbox', random),
    clock,
    randomBytes: random,
    onOutboxEvent: (event) => {
      if (event.type === 'delivered') logger.log('outbox-delivered', { kind: event.kind, attempts: event.attempts });
      else if (event.type === 'retry')
        logger.log('outbox-retry', { kind: event.kind, attempts: event.attempts, delayMs: event.delayMs, reason: event.reason });
      else logger.log('outbox-refused', { kind: event.kind, reason: event.reason });
    },
  });
  registerOutboxStats(() => kioskServices.outbox.stats());
  const { devices, simulation } = createDevices(config.devices, {
    clock,
    logger,
    printOutDir: join(dataDir, 'print-out'),
  });

  const sessions = createSessionHolder({
    clock,
    newId: randomUUID,
    onStarted: (session) => {
      logger.log('session-started', { session: session.id });
      bus.publish({ type: 'session-started', session });
    },
    onEnded: (reason) => {
      logger.log('session-ended', { reason });
      bus.publish({ type: 'session-ended', reason });
    },
  });

  const padesSigner = padesSignerFromConfig(config.certificates);
  const renderer = createCertificateRenderer({
    ...config.certificates,
    key: loadOrCreateKey(secretsDir, 'certificate-hmac', random),
    signingKey: certificateSigningKey(secretsDir, random),
    ...(padesSigner ? { signPdf: padesSigner } : {}),
    clock,
  });
  const printService = createPrintService({
    store: store.printJobs,
    printer: devices['a4-printer'],
    spool: createSpool({ dir: join(dataDir, 'spool'), key: loadOrCreateKey(secretsDir, 'spool', random), randomBytes: random }),
    platform,
    render: (data, number) => renderer.render(data, number),
    newCertificateNumber: (type) => newCertificateNumber(clock.now(), random, type),
    newJobId: randomUUID,
    bus,
    logger,
    clock,
    resumeWithinMs: config.printing.resumeWithinSeconds * 1000,
    activeSessionId: () => sessions.current()?.id ?? null,
  });

  const serviceMode = createServiceMode(dataDir, () => clock.now());
  const metrics = createKioskMetrics({
    bus,
    devices,
    version: options.version ?? '0.1.0',
    clock,
    starts: recordBridgeStart(store.db),
    outboxStats: await loadOutboxStats(),
    processMetrics: true,
    outOfService: () => serviceMode.outOfService(),
  });
  const technician = createTechnicianService({
    db: store.db,
    dataDir,
    secretsDir,
    clock,
    pepper: loadOrCreateKey(secretsDir, 'technician-pepper', random),
    inactivitySeconds: config.technician.inactivityTimeoutSeconds,
    onLogin: (outcome) => metrics.technicianLogin(outcome),
    logRing: options.logger ? null : logRing,
    randomBytes: random,
  });

  const { faceCheck, materials, eIdLogin } = createCameraServices({
    config,
    devices,
    sessions,
    bus,
    simulated: simulation !== null,
    secretsDir,
    clock,
    random,
    newId: randomUUID,
    logger,
    registry: metrics.registry,
  });

  const context: BridgeContext = {
    config,
    version: options.version ?? '0.1.0',
    clock,
    newId: randomUUID,
    logger,
    bus,
    devices,
    simulation,
    fixtures: simulation ? fixtureCitizens : [],
    sessions,
    platform,
    previewCertificate: (data) => renderer.preview(data),
    printService,
    receipts: createReceiptService({ printer: devices['receipt-printer'], siteName: config.kiosk.siteName, logger }),
    ratings: store.ratings,
    kioskServices,
    metrics,
    technician,
    serviceMode,
    faceCheck,
    eIdLoginConfigured: eIdLogin.configured,
    materials,
    sessionMaterials: materials,
    uiDir: options.uiDir ?? join(repoRoot, 'kiosk-ui/dist'),
  };

  const unsubscribers = [
    ...Object.values(devices).map((device: Device) => device.onStatus((status) => bus.publish({ type: 'device', device: status }))),
    devices.scanner.onScan((data) => {
      // classified here; login tokens and technician codes never leave the bridge (scanEventOf)
      const scan = classifyScan(data, { verificationBaseUrl: config.certificates.verificationBaseUrl });
      logger.log('scan-received', { length: data.length, kind: scan.kind });
      bus.publish({ type: 'scan', scan: scanEventOf(scan) });
    }),
    admitCards({ reader: devices['id-reader'], sessions, bus, logger, clock }),
    // face data and captured pages go the moment the session does (architecture rule 3)
    bus.subscribe((event) => {
      if (event.type === 'session-ended') {
        faceCheck.wipe();
        materials.wipe();
        printService.sessionEnded();
      }
    }),
  ];

  await startAll(devices);
  const fleet = await startFleet(context, { dataDir, secretsDir, randomBytes: random });
  void watchPendingConfig(context, { dataDir });
  // Type=notify + WatchdogSec under systemd; pings only while the store answers (a no-op elsewhere)
  const systemd = startSystemdNotify({
    healthy: () => {
      try {
        store.db.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
  });
  printService.resumeUnfinished();
  // the outbox relay, and the catalogue cache that keeps guides readable while the platform is away
  // (filled now, when the line is back, and on a timer)
  kioskServices.start();
  let server: Server | null = null;

  return {
    context,
    async listen() {
      const app = createApp(context);
      server = app.listen(config.server.port, config.server.host);
      await once(server, 'listening');
      logger.log('bridge-listening', { url: `http://${config.server.host}:${config.server.port}` });
      systemd.ready(`listening on ${config.server.host}:${config.server.port}`);
      return server;
    },
    async stop() {
      logger.log('bridge-stopping');
      systemd.stop();
      sessions.end('shutdown');
      if (server) {
        const closed = once(server, 'close');
        server.close();
        server.closeAllConnections();
        await closed;
      }
      for (const unsubscribe of unsubscribers) unsubscribe();
      metrics.close();
      await fleet?.stop();
      await stopAll(devices);
      await kioskServices.stop();
      registerOutboxStats(null);
      platform.close();
      store.close();
    },
  };
}
