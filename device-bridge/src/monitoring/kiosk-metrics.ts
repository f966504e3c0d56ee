import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { deviceIds, deviceStateSchema, sessionEndReasons, staffCallScreenLabel, type DeviceStatus } from '../api/index.ts';
import type { DeviceSet } from '../devices/device.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Clock } from '../time/clock.ts';
import { journeyTypes, type JourneyType } from './journeys.ts';

export interface OutboxStats {
  backlog: number;
  oldestAgeSeconds: number;
}

export interface KioskMetricsOptions {
  bus: EventBus;
  devices: DeviceSet;
  version: string;
  clock: Clock;
  /** bridge starts recorded in SQLite, this one included */
  starts: number;
  /** the outbox's backlog, when this build has an outbox; its gauges exist only then */
  outboxStats?: (() => OutboxStats) | null;
  /** whether an operator took the kiosk out of service */
  outOfService?: () => boolean;
  /** include prom-client's process_* / nodejs_* metrics (off in unit tests: they are global) */
  processMetrics?: boolean;
}

export interface KioskMetrics {
  readonly registry: Registry;
  /** the UI said it is alive (POST /api/ui-heartbeat) */
  uiHeartbeat(): void;
  journeyCompleted(type: JourneyType): void;
  errorAnswered(code: string): void;
  technicianLogin(outcome: 'success' | 'wrong-pin' | 'locked-out'): void;
  fleetCommand(command: string, outcome: 'ok' | 'failed' | 'rejected' | 'deferred'): void;
  paperRefilled(printer: 'a4-printer' | 'receipt-printer'): void;
  render(): Promise<string>;
  close(): void;
}

const printers = ['a4-printer', 'receipt-printer'] as const;
const paperStates = ['ok', 'low', 'out'] as const;

/** A printer's paper level as metrics and the technician screen show it; null while it is disconnected. */
export function paperState(status: DeviceStatus): (typeof paperStates)[number] | null {
  if (status.state === 'disconnected') return null;
  if (status.reason === 'paper-out') return 'out';
  if (status.reason === 'paper-low') return 'low';
  return 'ok';
}

/**
 * The kiosk's Prometheus metrics: `kiosk_` prefix, base units, `_total` counters,
 * labels only from fixed lists (device ids, states, outcomes, error codes), never personal data.
 * Device and outbox gauges are read at scrape time, so they can never be stale; counters are fed
 * from the event bus and from finished HTTP requests, so no other part of the bridge pushes metrics.
 * Kiosk id and site are NOT labels here: the kiosk's Prometheus agent stamps them as external labels.
 */
export function createKioskMetrics(options: KioskMetricsOptions): KioskMetrics {
  const { bus, devices, clock } = options;
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'kiosk_build_info',
    help: 'Build of the device bridge (always 1).',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version: options.version }, 1);

  new Gauge({
    name: 'kiosk_device_up',
    help: 'Whether the device is reachable (1) or disconnected (0).',
    labelNames: ['device'],
    registers: [registry],
    collect() {
      for (const id of deviceIds) this.set({ device: id }, devices[id].status().state === 'disconnected' ? 0 : 1);
    },
  });

  new Gauge({
    name: 'kiosk_device_status',
    help: 'The device public state: 1 for the current state, 0 for the others.',
    labelNames: ['device', 'state'],
    registers: [registry],
    collect() {
      for (const id of deviceIds) {
        const current = devices[id].status().state;
        for (const state of deviceStateSchema.options) this.set({ device: id, state }, state === current ? 1 : 0);
      }
    },
  });

  new Gauge({
    name: 'kiosk_printer_paper_ok',
    help: 'Whether the printer has paper (1) or is out of paper (0); absent while the printer is disconnected.',
    labelNames: ['printer'],
    registers: [registry],
    collect() {
      this.reset();
      for (const id of printers) {
        const state = paperState(devices[id].status());
        if (state !== null) this.set({ printer: id }, state === 'out' ? 0 : 1);
      }
    },
  });

  new Gauge({
    name: 'kiosk_printer_paper_state',
    help: 'Paper level of the printer: 1 for the current level (ok, low, out), 0 for the others.',
    labelNames: ['printer', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const id of printers) {
        const current = paperState(devices[id].status());
        if (current === null) continue;
        for (const state of paperStates) this.set({ printer: id, state }, state === current ? 1 : 0);
      }
    },
  });

  const printJobs = new Counter({
    name: 'kiosk_print_jobs_total',
    help: 'Print jobs that finished, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const sessionsStarted = new Counter({
    name: 'kiosk_sessions_started_total',
    help: 'Citizen sessions opened (an ID card was accepted).',
    registers: [registry],
  });
  const sessionsEnded = new Counter({
    name: 'kiosk_sessions_ended_total',
    help: 'Citizen sessions ended, by reason (exit, timeout, ui-disconnected, replaced, shutdown).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const journeys = new Counter({
    name: 'kiosk_journeys_completed_total',
    help: 'Journeys a citizen completed, by type.',
    labelNames: ['type'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'kiosk_errors_total',
    help: 'Error answers the bridge gave, by stable error code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const cardsRejected = new Counter({
    name: 'kiosk_cards_rejected_total',
    help: 'ID cards read but refused, by reason.',
    labelNames: ['reason'],
    registers: [registry],
  });
  const staffCalls = new Counter({
    name: 'kiosk_staff_calls_total',
    help: 'Presses of "call staff", by the screen the citizen was on (the UI screen names, else other).',
    labelNames: ['screen'],
    registers: [registry],
  });
  const technicianLogins = new Counter({
    name: 'kiosk_technician_logins_total',
    help: 'Technician PIN attempts, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const fleetCommands = new Counter({
    name: 'kiosk_fleet_commands_total',
    help: 'Remote commands received over MQTT, by command and outcome.',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const paperRefills = new Counter({
    name: 'kiosk_paper_refills_total',
    help: 'Paper refills a technician recorded, by printer.',
    labelNames: ['printer'],
    registers: [registry],
  });
  for (const printer of printers) paperRefills.inc({ printer }, 0);
  // zero-initialise the fixed label sets so rate() and absence checks see the series from the start
  for (const outcome of ['completed', 'failed']) printJobs.inc({ outcome }, 0);
  for (const reason of sessionEndReasons) sessionsEnded.inc({ reason }, 0);
  for (const type of journeyTypes) journeys.inc({ type }, 0);
  for (const outcome of ['success', 'wrong-pin', 'locked-out']) technicianLogins.inc({ outcome }, 0);

  new Counter({
    name: 'kiosk_bridge_restarts_total',
    help: 'Times the bridge started again on this kiosk after its first start (kept in SQLite).',
    registers: [registry],
  }).inc(Math.max(0, options.starts - 1));

  const outOfService = options.outOfService;
  if (outOfService) {
    new Gauge({
      name: 'kiosk_out_of_service',
      help: 'Whether an operator took the kiosk out of service (1) or not (0).',
      registers: [registry],
      collect() {
        this.set(outOfService() ? 1 : 0);
      },
    });
  }

  let lastHeartbeatSeconds = 0;
  new Gauge({
    name: 'kiosk_ui_last_heartbeat_timestamp_seconds',
    help: 'Unix time of the last heartbeat from the kiosk UI (0 before the first).',
    registers: [registry],
    collect() {
      this.set(lastHeartbeatSeconds);
    },
  });

  const outboxStats = options.outboxStats;
  if (outboxStats) {
    new Gauge({
      name: 'kiosk_outbox_pending_messages',
      help: 'Submissions waiting in the outbox for the platform.',
      registers: [registry],
      collect() {
        this.set(outboxStats().backlog);
      },
    });
    new Gauge({
      name: 'kiosk_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest submission waiting in the outbox (0 when empty).',
      registers: [registry],
      collect() {
        this.set(outboxStats().oldestAgeSeconds);
      },
    });
  }

  const unsubscribe = bus.subscribe((event) => {
    switch (event.type) {
      case 'job':
        if (event.job.state === 'completed') {
          printJobs.inc({ outcome: 'completed' });
          journeys.inc({ type: 'print' });
        } else if (event.job.state === 'failed') printJobs.inc({ outcome: 'failed' });
        break;
      case 'session-started':
        sessionsStarted.inc();
        break;
      case 'session-ended':
        sessionsEnded.inc({ reason: event.reason });
        break;
      case 'card-rejected':
        cardsRejected.inc({ reason: event.reason });
        break;
      case 'staff-called':
        // the UI's fixed screen list (api/screens.ts, the same list the UI uses); anything else is "other"
        staffCalls.inc({ screen: staffCallScreenLabel(event.screen) });
        break;
      default:
        break;
    }
  });

  return {
    registry,
    uiHeartbeat: () => {
      lastHeartbeatSeconds = clock.now().getTime() / 1000;
    },
    journeyCompleted: (type) => journeys.inc({ type }),
    errorAnswered: (code) => errors.inc({ code }),
    technicianLogin: (outcome) => technicianLogins.inc({ outcome }),
    fleetCommand: (command, outcome) => fleetCommands.inc({ command, outcome }),
    paperRefilled: (printer) => paperRefills.inc({ printer }),
    render: () => registry.metrics(),
    close: () => {
      unsubscribe();
      registry.clear();
    },
  };
}
