import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { DeviceId } from './api/index.ts';
import { createApp } from './app.ts';
import { repoRoot } from './config/load.ts';
import type { KioskConfig } from './config/schema.ts';
import { createDevices, startAll, stopAll } from './devices/create-devices.ts';
import type { Device } from './devices/device.ts';
import { classifyScan, scanEventOf } from './devices/scanner/classify-scan.ts';
import { createCertificateRenderer, newCertificateNumber } from './documents/index.ts';
import { padesSignerFromConfig } from './documents/pades.ts';
import { certificateSigningKey } from './documents/signing-key.ts';
import { createEventBus } from './events/event-bus.ts';
import { createCameraServices } from './face/camera-services.ts';
import { createServiceMode } from './fleet/service-mode.ts';
import { startFleet } from './fleet/start-fleet.ts';
import type { BridgeHandlers } from './http/endpoint-router.ts';
import { createEventLogger, type EventLogger } from './log/logger.ts';
import { recordBridgeStart } from './monitoring/bridge-starts.ts';
import { journeyOf } from './monitoring/journeys.ts';
import { createKioskHealth } from './monitoring/kiosk-health.ts';
import { createKioskMetrics } from './monitoring/kiosk-metrics.ts';
import { startSystemdNotify } from './monitoring/systemd-notify.ts';
import { createPlatform } from './platform/create-platform.ts';
import { fixtureCitizens } from './platform/embedded/fixtures.ts';
import { createPlatformServices } from './platform-link/platform-services.ts';
import { createPrintService } from './printing/print-service.ts';
import { createReceiptService } from './printing/receipts.ts';
import { createSpool } from './printing/spool.ts';
import { applicationHandlers } from './routes/applications.ts';
import { appointmentHandlers } from './routes/appointments.ts';
import { callStaffHandlers } from './routes/call-staff.ts';
import { cameraHandlers } from './routes/camera.ts';
import { catalogueHandlers } from './routes/catalogue.ts';
import { certificateHandlers } from './routes/certificates.ts';
import { eventHandlers } from './routes/events.ts';
import { faceHandlers } from './routes/face.ts';
import { healthHandlers } from './routes/health.ts';
import { materialHandlers } from './routes/materials.ts';
import { metricsHandlers } from './routes/metrics.ts';
import { printJobHandlers } from './routes/print-jobs.ts';
import { queueHandlers } from './routes/queue.ts';
import { ratingHandlers } from './routes/ratings.ts';
import { recordHandlers } from './routes/records.ts';
import { sessionHandlers } from './routes/session.ts';
import { simulationHandlers } from './routes/sim.ts';
import { technicianHandlers } from './routes/technician.ts';
import { loadOrCreateKey, secretsDirOf } from './secrets/secrets.ts';
import { admitCards } from './session/admit-cards.ts';
import { createSessionHolder } from './session/session-holder.ts';
import { openKioskStore } from './store/store.ts';
import { diagnosticBundle } from './technician/diagnostic-bundle.ts';
import { createLogRing } from './technician/log-ring.ts';
import { watchPendingConfig } from './technician/pending-config.ts';
import { runSelfTestWithoutSession } from './technician/self-test.ts';
import { createTechnicianService } from './technician/technician-service.ts';
import { systemClock, type Clock } from './time/clock.ts';

export interface ComposeOptions {
  /** var/ by default: SQLite files, secrets, spool, simulated print-out */
  dataDir: string;
  /** the built UI (kiosk-ui/dist) */
  uiDir?: string;
  clock?: Clock;
  randomBytes?: (n: number) => Buffer;
  logger?: EventLogger;
  version?: string;
  /** a JSON answer outside its schema is a 500 instead of a logged warning (tests) */
  strictResponses?: boolean;
}

export interface Bridge {
  /** listens on config.server; resolves with the server once it accepts connections */
  listen(): Promise<Server>;
  /** ends any session (wiped), stops devices, closes stores */
  stop(): Promise<void>;
}

/**
 * The composition root: config in, a wired bridge out. Real or simulated parts are chosen here, and
 * each part is handed exactly the collaborators it needs; nothing else sees the whole.
 */
export async function composeBridge(config: KioskConfig, options: ComposeOptions): Promise<Bridge> {
  const clock = options.clock ?? systemClock;
  const random = options.randomBytes ?? randomBytes;
  const version = options.version ?? '0.1.0';
  const kioskId = config.kiosk.id;
  // every line still goes to stdout (journald); the ring keeps the newest for the technician screen
  const logRing = createLogRing();
  const logger = options.logger ?? createEventLogger({ level: config.log.level, destination: logRing.destination });
  const { dataDir } = options;
  // every key below comes from config secrets.dir (var/secrets by default)
  const secretsDir = secretsDirOf(config, dataDir);

  const bus = createEventBus((error) => logger.log('request-failed', { message: (error as Error).message }));
  const store = openKioskStore(dataDir, logger);
  const { db } = store;
  const platform = createPlatform(config, { dataDir, secretsDir, clock, randomBytes: random });

  const { devices, simulation } = createDevices(config.devices, { clock, logger, printOutDir: join(dataDir, 'print-out') });
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
  const previewCertificate = (data: Parameters<typeof renderer.preview>[0]) => renderer.preview(data);
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
  const receipts = createReceiptService({ printer: devices['receipt-printer'], siteName: config.kiosk.siteName, logger });

  const serviceMode = createServiceMode(dataDir, () => clock.now());
  const metrics = createKioskMetrics({
    bus,
    devices,
    version,
    clock,
    starts: recordBridgeStart(db),
    // read at scrape time, once the platform side below exists
    outboxStats: () => outbox.stats(),
    processMetrics: true,
    outOfService: () => serviceMode.outOfService(),
  });
  const technician = createTechnicianService({
    db,
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

  // the platform side: the line, the outbox, the catalogue cache, applications and ratings
  const platformServices = createPlatformServices({
    db,
    ratingStore: store.ratings,
    platform,
    kioskId,
    key: loadOrCreateKey(secretsDir, 'outbox', random),
    clock,
    randomBytes: random,
    newId: randomUUID,
    materials,
    printReceipt: async (slip) => (await receipts.printApplicationReceipt(slip)).printed,
    onOutboxEvent: (event) => {
      if (event.type === 'delivered') logger.log('outbox-delivered', { kind: event.kind, attempts: event.attempts });
      else if (event.type === 'retry') {
        logger.log('outbox-retry', { kind: event.kind, attempts: event.attempts, delayMs: event.delayMs, reason: event.reason });
      } else logger.log('outbox-refused', { kind: event.kind, reason: event.reason });
    },
  });
  const { link, outbox, catalogue, applications, ratings } = platformServices;

  const health = createKioskHealth({
    devices,
    kiosk: config.kiosk,
    session: config.session,
    version,
    simulated: simulation !== null,
    eIdLoginConfigured: eIdLogin.configured,
    outOfService: () => serviceMode.outOfService(),
    verificationMethods: () => faceCheck.methods({ now: true }),
    platform: () => {
      const stats = outbox.stats();
      return { ...link.state(), waiting: stats.backlog, oldestWaitingSeconds: Math.round(stats.oldestAgeSeconds) };
    },
  });
  const selfTest = (device: DeviceId) =>
    runSelfTestWithoutSession(device, { devices, sessions, clock, kioskId, siteName: config.kiosk.siteName, newJobId: randomUUID });

  const handlers: BridgeHandlers = {
    ...healthHandlers({ health }),
    ...eventHandlers({
      bus,
      sessions,
      deviceStatuses: health.deviceStatuses,
      clock,
      uiDisconnectGraceSeconds: config.session.uiDisconnectGraceSeconds,
    }),
    ...sessionHandlers({ sessions }),
    ...metricsHandlers({ metrics }),
    ...callStaffHandlers({ bus, logger, clock, newId: randomUUID, inSession: () => sessions.current() !== null }),
    ...certificateHandlers({ platform, previewCertificate }),
    ...printJobHandlers({ printService }),
    ...ratingHandlers({ ratings, logger }),
    ...catalogueHandlers({ catalogue }),
    ...recordHandlers({ platform, live: link.live, previewCertificate, clock }),
    ...applicationHandlers({ applications, faceCheck, logger }),
    ...appointmentHandlers({ platform, live: link.live, receipts, logger }),
    ...queueHandlers({ platform, live: link.live, receipts, logger }),
    ...cameraHandlers({ cameras: devices, faceCheck, bus }),
    ...materialHandlers({ materials }),
    ...faceHandlers({ faceCheck }),
    ...technicianHandlers({
      auth: technician.auth,
      audit: technician.audit,
      logRing: technician.logRing,
      config,
      devices,
      selfTest,
      metrics,
      printProblems: printService,
      diagnosticBundle: () => diagnosticBundle({ clock, version, config, health, audit: technician.audit, metrics }),
      dataDir,
      clock,
      siteFile: () => process.env.KIOSK_CONFIG,
      requestRestart: () => process.kill(process.pid, 'SIGTERM'),
    }),
    ...(simulation ? simulationHandlers({ simulation, fixtures: fixtureCitizens, cameras: devices, logger }) : {}),
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
  const fleet = await startFleet(
    {
      config,
      version,
      clock,
      bus,
      logger,
      audit: technician.audit,
      metrics,
      health,
      serviceMode,
      busy: () => sessions.current() !== null,
      selfTest,
    },
    { dataDir, secretsDir, randomBytes: random },
  );
  void watchPendingConfig({ audit: technician.audit, devices, clock, logger }, { dataDir });
  // Type=notify + WatchdogSec under systemd; pings only while the store answers (a no-op elsewhere)
  const systemd = startSystemdNotify({
    healthy: () => {
      try {
        db.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
  });
  printService.resumeUnfinished();
  platformServices.start();
  let server: Server | null = null;

  return {
    async listen() {
      const app = createApp({
        port: config.server.port,
        logger,
        handlers,
        guards: {
          currentSession: () => sessions.current(),
          technicianActor: (token, allowDoctor) => {
            if (allowDoctor && technician.doctor.check(token)) return 'doctor';
            return technician.auth.check(token) ? 'technician' : null;
          },
        },
        uiDir: options.uiDir ?? join(repoRoot, 'kiosk-ui/dist'),
        strictResponses: options.strictResponses ?? false,
        onErrorCode: (code) => metrics.errorAnswered(code),
        onAnswered: (endpoint, status) => {
          const journey = journeyOf(endpoint, status);
          if (journey !== null) metrics.journeyCompleted(journey);
        },
      });
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
      await platformServices.stop();
      platform.close();
      store.close();
    },
  };
}
