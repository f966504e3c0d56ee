import type { KioskConfig } from './config/schema.ts';
import type { DeviceSet, SimulationControls } from './devices/device.ts';
import type { CertificatePreview, SimFixture } from './api/index.ts';
import type { EventBus } from './events/event-bus.ts';
import type { EventLogger } from './log/logger.ts';
import type { KioskMetrics } from './monitoring/kiosk-metrics.ts';
import type { TechnicianService } from './technician/technician-service.ts';
import type { ServiceMode } from './fleet/service-mode.ts';
import type { CertificateData, Platform } from './platform/platform.ts';
import type { PrintService } from './printing/print-service.ts';
import type { ReceiptService } from './printing/receipts.ts';
import type { SessionHolder } from './session/session-holder.ts';
import type { RatingStore } from './store/ratings.ts';
import type { KioskServices, SessionMaterials } from './outbox/kiosk-services.ts';
import type { Clock } from './time/clock.ts';
import type { FaceCheck } from './face/face-check.ts';
import type { MaterialStore } from './session/materials.ts';

/** Everything the routes need, built once by the composition root. */
export interface BridgeContext {
  config: KioskConfig;
  version: string;
  clock: Clock;
  newId: () => string;
  logger: EventLogger;
  bus: EventBus;
  devices: DeviceSet;
  /** null unless devices are simulated: then /api/sim/* exists */
  simulation: SimulationControls | null;
  fixtures: readonly SimFixture[];
  sessions: SessionHolder;
  platform: Platform;
  previewCertificate: (data: CertificateData) => CertificatePreview;
  printService: PrintService;
  /** the thermal printer's slips (application receipt, queue ticket): never throws, says why nothing printed */
  receipts: ReceiptService;
  ratings: RatingStore;
  /** Prometheus metrics: /metrics, fed from the bus and finished requests */
  metrics: KioskMetrics;
  /** technician mode: PIN login, lockout, audit */
  technician: TechnicianService;
  /** out of service on an operator's MQTT command; health then offers nothing */
  serviceMode?: ServiceMode;
  /** face check (人证比对) and staff confirmation for the current session */
  faceCheck: FaceCheck;
  /** an e-ID verifier is plugged in (or simulated): a 网证 code on the attract screen opens a session */
  eIdLoginConfigured?: boolean;
  /** pages captured on the document camera in the current session, memory only */
  materials: MaterialStore;
  /** where the built UI is served from */
  uiDir: string;
  /** platform services through the outbox and the catalogue cache */
  kioskServices: KioskServices;
  /** the session's captured materials as PDFs (document camera); null until that part is wired */
  sessionMaterials?: SessionMaterials | null;
}
