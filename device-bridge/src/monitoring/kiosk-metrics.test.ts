import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../api/index.ts';
import { createMemoryDevices } from '../devices/memory-devices.ts';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { createEventBus } from '../events/event-bus.ts';
import { createKioskMetrics, type KioskMetricsOptions } from './kiosk-metrics.ts';
import { errorCodeLabel } from '../http/observe-errors.ts';
import { journeyOf } from './journeys.ts';

function setUp(overrides: Partial<KioskMetricsOptions> = {}) {
  const bus = createEventBus();
  const devices = createMemoryDevices();
  const clock = createManualClock(new Date('2025-03-01T09:00:00.000Z'));
  const metrics = createKioskMetrics({ bus, devices, clock, version: '1.2.3', starts: 1, ...overrides });
  return { bus, devices, clock, metrics };
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('kiosk metrics', () => {
  it('shows an operator which printer is out of paper and which device is unplugged', async () => {
    const { devices, metrics } = setUp();
    devices['a4-printer'].setState('fault', 'paper-out');
    devices.scanner.setState('disconnected');
    const text = await metrics.render();
    expect(sample(text, 'kiosk_printer_paper_ok{printer="a4-printer"}')).toBe(0);
    expect(sample(text, 'kiosk_printer_paper_ok{printer="receipt-printer"}')).toBe(1);
    expect(sample(text, 'kiosk_printer_paper_state{printer="a4-printer",state="out"}')).toBe(1);
    expect(sample(text, 'kiosk_device_up{device="scanner"}')).toBe(0);
    expect(sample(text, 'kiosk_device_up{device="id-reader"}')).toBe(1);
    expect(sample(text, 'kiosk_device_status{device="a4-printer",state="fault"}')).toBe(1);
    expect(sample(text, 'kiosk_build_info{version="1.2.3"}')).toBe(1);
  });

  it('counts print outcomes, sessions and staff calls from the event bus, with no personal data', async () => {
    const { bus, metrics } = setUp();
    const job = {
      id: 'j1',
      certificateType: 'social-insurance-contribution',
      certificateNumber: 'N1',
      pages: 1,
      pagesPrinted: 1,
      createdAt: '',
      updatedAt: '',
    };
    // only the fields metrics read; the rest of the job view belongs to the print service
    const asJob = (fields: object) => fields as unknown as PrintJobView;
    bus.publish({ type: 'job', job: asJob({ ...job, state: 'completed' }) });
    bus.publish({ type: 'job', job: asJob({ ...job, state: 'failed', reason: 'jam' }) });
    bus.publish({ type: 'session-ended', reason: 'timeout' });
    bus.publish({ type: 'staff-called', callId: 'c1', screen: 'menu', inSession: true, calledAt: '' });
    // a name outside the UI's screen list cannot open a new series
    bus.publish({ type: 'staff-called', callId: 'c2', screen: 'made-up-screen-1', inSession: false, calledAt: '' });
    bus.publish({ type: 'staff-called', callId: 'c3', screen: 'made-up-screen-2', inSession: false, calledAt: '' });
    const text = await metrics.render();
    expect(sample(text, 'kiosk_print_jobs_total{outcome="completed"}')).toBe(1);
    expect(sample(text, 'kiosk_print_jobs_total{outcome="failed"}')).toBe(1);
    expect(sample(text, 'kiosk_journeys_completed_total{type="print"}')).toBe(1);
    expect(sample(text, 'kiosk_sessions_ended_total{reason="timeout"}')).toBe(1);
    expect(sample(text, 'kiosk_staff_calls_total{screen="menu"}')).toBe(1);
    expect(sample(text, 'kiosk_staff_calls_total{screen="other"}')).toBe(2);
    expect(text).not.toContain('made-up-screen');
    expect(text).not.toContain('N1');
    expect(text).not.toContain('c1');
  });

  it('reports restarts from the persisted start count and the UI heartbeat time', async () => {
    const { metrics, clock } = setUp({ starts: 4 });
    expect(sample(await metrics.render(), 'kiosk_ui_last_heartbeat_timestamp_seconds')).toBe(0);
    metrics.uiHeartbeat();
    const text = await metrics.render();
    expect(sample(text, 'kiosk_bridge_restarts_total')).toBe(3);
    expect(sample(text, 'kiosk_ui_last_heartbeat_timestamp_seconds')).toBe(clock.now().getTime() / 1000);
  });

  it('has outbox gauges only when the build has an outbox', async () => {
    expect(await setUp().metrics.render()).not.toContain('kiosk_outbox');
    const text = await setUp({ outboxStats: () => ({ backlog: 3, oldestAgeSeconds: 42 }) }).metrics.render();
    expect(sample(text, 'kiosk_outbox_pending_messages')).toBe(3);
    expect(sample(text, 'kiosk_outbox_oldest_pending_age_seconds')).toBe(42);
  });
});

describe('journeys and error labels', () => {
  it('recognises finished journeys by endpoint and its own success status only', () => {
    expect(journeyOf('submitApplication', 201)).toBe('apply');
    expect(journeyOf('submitApplication', 200)).toBeNull();
    expect(journeyOf('record', 200)).toBe('query');
    expect(journeyOf('health', 200)).toBeNull();
  });

  it('never lets free text become a label value', () => {
    expect(errorCodeLabel('no-session')).toBe('no-session');
    expect(errorCodeLabel('张三 110105199001011234')).toBe('other');
    expect(errorCodeLabel(undefined)).toBe('other');
  });
});
