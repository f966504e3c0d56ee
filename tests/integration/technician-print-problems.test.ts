// A certificate that failed to print must not vanish when the citizen walks away: the technician sees
// it (behind the PIN, in plain facts without personal data), marks it handled, and that is audited.
// The failure is a real paper-out in the middle of a job on the simulated A4 printer.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJobView, PrintProblemsResponse } from '../../device-bridge/src/api/index.ts';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { bridgeRequest, rawRequest } from '../support/http.ts';
import { setTechnicianPin, technicianPin as pin } from '../support/technician-pin.ts';
import { waitFor } from '../support/wait.ts';

describe('print problems for the technician', () => {
  let dataDir: string;
  let bridge: RunningBridge;
  let failedJob: PrintJobView;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-print-problems-'));
    expect(await setTechnicianPin(dataDir)).toBe(0);
    // slow pages, so the paper can run out while the job is printing
    bridge = await startBridge({
      dataDir,
      config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 }, 'a4-printer': { driver: 'simulated', pageMs: 4_000 } } },
    });

    await bridgeRequest(bridge.url, 'POST', '/api/sim/id-reader/card', { fixture: 'zhang-wei' });
    await waitFor('session', async () =>
      (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status === 200 ? { value: true } : {},
    );
    const submitted = await bridgeRequest(bridge.url, 'POST', apiPaths.printJobs, { type: 'social-insurance-contribution' });
    expect(submitted.status).toBe(202);
    const id = (submitted.json() as PrintJobView).id;
    await waitFor('job printing', async () => {
      const job = (await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(id))).json() as PrintJobView;
      return job.state === 'printing' ? { value: true } : { note: job.state };
    });
    await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'paper-out' });
    failedJob = await waitFor('job failed', async () => {
      const job = (await bridgeRequest(bridge.url, 'GET', apiPaths.printJob(id))).json() as PrintJobView;
      return job.state === 'failed' ? { value: job } : { note: job.state };
    });
    // the citizen leaves without the certificate
    await bridgeRequest(bridge.url, 'DELETE', '/api/sim/id-reader/card');
  }, 60_000);
  afterAll(async () => {
    await bridge?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the list and the acknowledge need a technician session (401), and the old open paths are gone', async () => {
    for (const [method, route] of [
      ['GET', apiPaths.technicianPrintProblems],
      ['POST', apiPaths.technicianPrintProblemHandled(failedJob.id)],
    ] as const) {
      const answer = await rawRequest(`${bridge.url}${route}`, { method, headers: { authorization: `Bearer ${'ab'.repeat(32)}` } });
      expect(answer.status, `${method} ${route}`).toBe(401);
      expect(answer.json()).toMatchObject({ error: { code: 'technician-session-required' } });
    }
    expect((await bridgeRequest(bridge.url, 'GET', '/api/print-jobs/attention')).status).toBe(404);
    expect((await bridgeRequest(bridge.url, 'POST', `/api/print-jobs/${failedJob.id}/acknowledge`)).status).toBe(404);
  });

  it('shows the paper-out job with its reason and no personal data; Handled removes it and is audited', async () => {
    const login = await rawRequest(`${bridge.url}${apiPaths.technicianLogin}`, { method: 'POST', body: { pin } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };

    const listed = await rawRequest(`${bridge.url}${apiPaths.technicianPrintProblems}`, { headers });
    const { jobs } = listed.json() as PrintProblemsResponse;
    expect(jobs).toEqual([
      {
        id: failedJob.id,
        certificateType: 'social-insurance-contribution',
        copies: 1,
        state: 'failed',
        reason: 'paper-out',
        createdAt: failedJob.createdAt,
        failedAt: failedJob.updatedAt,
        isReprint: false,
        reprint: null,
      },
    ]);
    const citizen = fixtureCitizen('zhang-wei').card;
    for (const secret of [citizen.name, citizen.idNumber, failedJob.certificateNumber]) {
      expect(listed.text).not.toContain(secret);
    }

    const handled = await rawRequest(`${bridge.url}${apiPaths.technicianPrintProblemHandled(failedJob.id)}`, { method: 'POST', headers });
    expect(handled.status).toBe(204);
    expect(
      ((await rawRequest(`${bridge.url}${apiPaths.technicianPrintProblems}`, { headers })).json() as PrintProblemsResponse).jobs,
    ).toEqual([]);
    const again = await rawRequest(`${bridge.url}${apiPaths.technicianPrintProblemHandled(failedJob.id)}`, { method: 'POST', headers });
    expect(again.status).toBe(404);

    const audit = (await rawRequest(`${bridge.url}${apiPaths.technicianAudit}`, { headers })).json() as {
      entries: Array<{ action: string; outcome: string; detail: string | null }>;
    };
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'print-problem-handled', outcome: 'ok', detail: `print job ${failedJob.id}` }),
      ]),
    );
  });
});
