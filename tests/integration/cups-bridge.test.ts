// The whole print path through the running bridge and a real CUPS server: the citizen's
// certificate arrives as a PDF at the queue, copies are honoured, bad requests get a 400 with a
// code, a disabled queue makes the kiosk say the printer is unavailable, and paper running out in
// the middle of a job (the backend waiting for paper, as ipp:// and usb:// do) fails it after the
// grace period, disables printing, and allows one reprint once paper is back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, PrintJobView } from '../../device-bridge/src/api/index.ts';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { createIppClient } from '../../device-bridge/src/devices/a4-printer/ipp/client.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { startPrivateCups, type PrivateCups } from '../support/cups.ts';
import { bridgeRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

describe('certificates through the bridge and a real CUPS queue', () => {
  let cups: PrivateCups;
  let bridge: RunningBridge;

  beforeAll(async () => {
    cups = await startPrivateCups();
    bridge = await startBridge({
      config: {
        devices: {
          'id-reader': { driver: 'simulated', readMs: 0 },
          'a4-printer': { driver: 'cups', server: cups.server, queue: cups.queue, pollMs: 100, faultGraceMs: 1_000 },
        },
      },
    });
    await bridgeRequest(bridge.url, 'POST', '/api/sim/id-reader/card', { fixture: 'zhang-wei' });
    await waitFor('session', async () =>
      (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status === 200 ? { value: true } : {},
    );
  }, 60_000);
  afterAll(async () => {
    await bridge?.stop();
    await cups?.stop();
  });

  const printerState = async () =>
    ((await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as HealthResponse).devices.find(
      (device) => device.id === 'a4-printer',
    )!;

  async function finished(id: string): Promise<PrintJobView> {
    return waitFor(
      `job ${id} finished`,
      async () => {
        const job = (await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(id))).json() as PrintJobView;
        return ['completed', 'failed', 'cancelled'].includes(job.state) ? { value: job } : { note: job.state };
      },
      15_000,
    );
  }

  it('prints the citizen’s certificate: two copies of the same PDF arrive at the queue', async () => {
    const before = cups.printed().length;
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, { type: 'housing-provident-fund', copies: 2 });
    expect(response.status).toBe(202);
    const job = await finished((response.json() as PrintJobView).id);
    expect(job).toMatchObject({ state: 'completed', copies: 2 });
    const printed = cups.printed();
    expect(printed.length).toBe(before + 1);
    const pdf = readFileSync(join(cups.outDir, printed.at(-1)!));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // one CUPS job, and the printer is asked for two copies of it
    const cupsId = /^job-(\d+)\.pdf$/.exec(printed.at(-1)!)![1]!;
    expect(cups.copiesOf(cupsId)).toBe(2);
    const cupsJob = (await cups.tool('lpstat', ['-h', cups.hostPort, '-W', 'completed', '-o', cups.queue])).trim().split('\n').at(-1)!;
    // the job title CUPS shows is the kiosk job id: no name, no ID number
    expect(cupsJob).not.toContain(fixtureCitizen('zhang-wei').card.name);
  });

  it('refuses malformed, oversized and other-person requests with 400 and a code', async () => {
    const cases: object[] = [
      { type: 'social-insurance-contribution', copies: 4 },
      { type: 'no-such-certificate' },
      { type: 'social-insurance-contribution', idNumber: fixtureCitizen('li-na').card.idNumber },
      { type: 'social-insurance-contribution', name: '李娜' },
      { type: 'social-insurance-contribution', copies: 'two' },
      { type: 'x'.repeat(200_000) },
    ];
    for (const body of cases) {
      const response = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, body);
      expect([400, 413], JSON.stringify(body).slice(0, 80)).toContain(response.status);
      expect((response.json() as { error: { code: string } }).error.code).toMatch(/^(bad-request|payload-too-large)$/);
    }
  });

  it('says the printer is unavailable while the queue is disabled (cupsdisable), and prints again after cupsenable', async () => {
    await cups.disable('maintenance');
    await waitFor('printer unavailable', async () => ((await printerState()).state === 'disconnected' ? { value: true } : {}));
    const refused = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, { type: 'social-insurance-contribution' });
    expect(refused.status).toBe(409);
    expect((refused.json() as { error: { code: string } }).error.code).toBe('printer-unavailable');
    await cups.enable();
    await waitFor('printer ready', async () => ((await printerState()).state === 'ready' ? { value: true } : {}));
  });

  it('a job cancelled in CUPS by staff ends cancelled, and the citizen is not offered a reprint', async () => {
    cups.setFault('slow');
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, { type: 'social-insurance-contribution' });
    const { id } = response.json() as PrintJobView;
    const client = createIppClient({ server: cups.server, queue: cups.queue, timeoutMs: 2000 });
    const cupsJob = await waitFor('the job at CUPS', async () => {
      const found = (await client.jobs()).find((job) => job.name === id);
      return found ? { value: found } : {};
    });
    await cups.tool('cancel', ['-h', cups.hostPort, `${cups.queue}-${cupsJob.id}`]);
    const job = await finished(id);
    cups.setFault('none');
    expect(job).toMatchObject({ state: 'cancelled', reason: 'cancelled' });
    const reprint = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobReprint(id));
    expect(reprint.status).toBe(409);
    expect((reprint.json() as { error: { code: string } }).error.code).toBe('not-failed');
  });

  it('paper out mid-job, the backend waiting as a real one does: the kiosk cancels and fails the job with paper-out, printing stops, and after paper is back it reprints once', async () => {
    cups.setFault('paper-out-waits');
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, { type: 'social-insurance-contribution' });
    const job = await finished((response.json() as PrintJobView).id);
    expect(job).toMatchObject({ state: 'failed', reason: 'paper-out' });
    expect(await printerState()).toMatchObject({ state: 'fault', reason: 'paper-out' });
    expect((await bridgeRequest(bridge.url, 'POST', apiPaths.printJobReprint(job.id))).status).toBe(409);

    // the technician reloads paper and prints a test page from CUPS: the printer reports paper again
    cups.setFault('none');
    await cups.tool('lp', ['-h', cups.hostPort, '-d', cups.queue, '-t', 'test page', '/usr/share/cups/data/testprint']).catch(() => '');
    await waitFor('paper back', async () => ((await printerState()).state === 'ready' ? { value: true } : {}), 10_000);

    const reprint = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobReprint(job.id));
    expect(reprint.status).toBe(202);
    const again = await finished((reprint.json() as PrintJobView).id);
    expect(again).toMatchObject({ state: 'completed', reprintOf: job.id, certificateNumber: job.certificateNumber });
    const second = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobReprint(job.id));
    expect((second.json() as { error: { code: string } }).error.code).toBe('reprint-used');
    // the failure waits for the technician (technician-api.test.ts); the citizen's page cannot list
    // failures or mark them seen: those paths are technician-only now
    expect((await bridgeRequest(bridge.url, 'GET', '/api/print-jobs/attention')).status).toBe(404);
    expect((await bridgeRequest(bridge.url, 'POST', `/api/print-jobs/${job.id}/acknowledge`)).status).toBe(404);
  });
});
