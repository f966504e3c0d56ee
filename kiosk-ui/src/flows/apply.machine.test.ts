import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import type { ApplicationReceipt, ApplicationSubmit, CatalogueResponse, FaceOptions, ServiceItem } from '@tongban/device-bridge/api';
import { assign, createActor, fromPromise, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { applicationOf, applyMachine, type ApplyEvent } from './apply.machine.ts';
import { faceCheckMachine } from './face-check.machine.ts';
import { catalogue, guideItem } from './guides.fixtures.ts';

type ApplySnapshot = SnapshotFrom<typeof applyMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as ApplyEvent;

/** an item the kiosk takes applications for: nothing to photograph, a phone number and a choice */
const applyItem: ServiceItem = {
  ...guideItem,
  code: '330100-JD-00133-000',
  name: '城乡居民基本养老保险参保登记',
  modes: ['apply'],
  guide: {
    ...guideItem.guide,
    formFields: [
      { id: 'phone', label: '联系电话', type: 'phone', required: true, maxLength: 11 },
      { id: 'grade', label: '缴费档次', type: 'choice', required: true, options: ['300元', '500元'] },
    ],
  },
};
/** an item needing a photographed material, which this kiosk cannot take yet */
const captureItem: ServiceItem = {
  ...applyItem,
  code: '330100-YB-00210-000',
  guide: {
    ...applyItem.guide,
    materials: [
      {
        id: 'household-register',
        name: '户口簿',
        form: 'original',
        copies: 1,
        format: 'paper',
        source: 'applicant',
        required: true,
        kioskCapturable: true,
      },
    ],
  },
};
const applyCatalogue: CatalogueResponse = {
  ...catalogue,
  items: [...catalogue.items, { ...catalogue.items[0]!, code: applyItem.code, name: applyItem.name, modes: ['apply'] }],
};
const receipt: ApplicationReceipt = {
  localNumber: 'TB-DEV-0001-20250101-0001',
  platformNumber: '3301000000000777',
  itemCode: applyItem.code,
  itemName: applyItem.name,
  delivery: 'delivered',
  caseNumber: '3301000000000777',
  caseNumberKind: 'platform',
  submittedAt: '2025-01-01T10:00:00+08:00',
  queuedOffline: false,
  receiptPrinted: true,
};

/** what the pad gives once the ink is a signature (its content does not matter to the machine) */
const signaturePng = 'data:image/png;base64,iVBORw0KGgo=';

const machine = applyMachine.provide({ actions: { makeIdempotencyKey: assign({ idempotencyKey: 'key-1' }) } });

const events: ApplyEvent[] = [
  { type: 'CHOOSE', code: applyItem.code },
  { type: 'SET_FIELD', value: '13812345678' },
  { type: 'SET_FIELD', value: '500元' },
  { type: 'SET_FIELD', value: '12' },
  { type: 'NEXT' },
  { type: 'BACK' },
  { type: 'SIGN', signature: signaturePng },
  { type: 'SIGN', signature: null },
  { type: 'CONSENT', agreed: true },
  { type: 'CONSENT', agreed: false },
  { type: 'SUBMIT' },
  { type: 'RETRY' },
  { type: 'DONE' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.searchCatalogue', { output: applyCatalogue }),
  synthetic('xstate.error.actor.searchCatalogue', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.loadItem', { output: applyItem }),
  synthetic('xstate.done.actor.loadItem', { output: captureItem }),
  synthetic('xstate.done.actor.submitApplication', { output: receipt }),
  synthetic('xstate.error.actor.submitApplication', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.faceCheck', { output: { result: 'verified', method: 'face' } }),
  synthetic('xstate.done.actor.faceCheck', { output: { result: 'cancelled' } }),
];

const serialize = (state: ApplySnapshot) =>
  JSON.stringify([
    state.value,
    state.context.item?.code ?? null,
    state.context.fieldIndex,
    state.context.form,
    state.context.signature !== null,
    state.context.consent,
    state.context.idempotencyKey,
    state.context.receipt !== null,
  ]);
const states = getShortestPaths(machine, { events, serializeState: serialize }).map((path) => path.state as ApplySnapshot);
const step = (state: ApplySnapshot, event: ApplyEvent) => transition(machine, state, event)[0];

describe('apply journey, generated paths', () => {
  it('reaches every step from the list to the receipt, and the failures', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of [
      'loadingItems',
      'choosing',
      'loadingItem',
      'guide',
      'filling',
      'review',
      'identity',
      'signing',
      'consent',
      'submitting',
      'submitFailed',
      'receipt',
      'failed',
      'finished',
      'closed',
    ]) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('lists only items that can be applied for', () => {
    for (const state of states.filter((candidate) => candidate.context.items !== null)) {
      expect(state.context.items!.every((item) => item.modes.includes('apply'))).toBe(true);
    }
  });

  it('never submits without a signature, consent, an answer to every required field and a key', () => {
    for (const state of states.filter((candidate) => candidate.matches('submitting'))) {
      expect(state.context.signature).toBe(signaturePng);
      expect(applicationOf(state.context).signature).toBe(signaturePng);
      expect(state.context.consent).toBe(true);
      expect(state.context.idempotencyKey).toBe('key-1');
      expect(state.context.form).toMatchObject({ phone: '13812345678', grade: '500元' });
    }
  });

  it('cannot leave the signature step forward unsigned (a cleared pad or a tap gives no picture)', () => {
    const signing = states.filter((state) => state.matches('signing'));
    expect(signing.length).toBeGreaterThan(0);
    for (const state of signing) {
      const unsigned = step(state, { type: 'SIGN', signature: null });
      expect(step(unsigned, { type: 'NEXT' }).value).toBe('signing');
      expect(step(step(state, { type: 'SIGN', signature: signaturePng }), { type: 'NEXT' }).value).toBe('consent');
    }
  });

  it('keeps no signature once the journey is over or the pad is left (the picture is wiped with the step)', () => {
    for (const state of states.filter(
      (candidate) => candidate.status === 'done' || candidate.matches('receipt') || candidate.matches('choosing'),
    )) {
      expect(state.context.signature, JSON.stringify(state.value)).toBeNull();
    }
    for (const state of states.filter((candidate) => candidate.matches('consent'))) {
      expect(step(state, { type: 'BACK' }).context.signature).toBeNull();
    }
  });

  it('an item needing a photographed material stops at its guide, with no way forward', () => {
    const atGuide = states.filter((state) => state.matches('guide') && state.context.item?.code === captureItem.code);
    expect(atGuide.length).toBeGreaterThan(0);
    for (const state of atGuide) expect(step(state, { type: 'NEXT' }).value).toBe('guide');
  });

  it('a retry after a failed submit reuses the same idempotency key', () => {
    const failed = states.filter((state) => state.matches('submitFailed'));
    expect(failed.length).toBeGreaterThan(0);
    for (const state of failed) {
      const retried = step(state, { type: 'RETRY' });
      expect(retried.value).toBe('submitting');
      expect(retried.context.idempotencyKey).toBe(state.context.idempotencyKey);
    }
  });

  it('hands the case number to the session only when an application went in', () => {
    for (const state of states.filter((candidate) => candidate.status === 'done')) {
      if (state.matches('finished')) expect(state.output).toEqual({ caseNumber: receipt.caseNumber, itemCode: applyItem.code });
      else expect(state.output).toBeNull();
    }
  });

  it('can be left at every step except while the submit is in flight', () => {
    for (const state of states.filter((candidate) => candidate.status === 'active')) {
      const left = step(state, { type: 'CLOSE' });
      expect(left.status === 'done', JSON.stringify(state.value)).toBe(!state.matches('submitting'));
    }
  });

  it('every path that submitted went through the review and the consent first', () => {
    const start = states.find((state) => state.matches('choosing'))!;
    const paths = getSimplePaths(machine, {
      events: events.filter(
        (event) =>
          !['CLOSE', 'BACK', 'RETRY'].includes(event.type) &&
          !event.type.includes('error') &&
          (event as { output?: { result?: string } }).output?.result !== 'cancelled',
      ),
      serializeState: serialize,
      fromState: start,
      toState: (state) => state.matches('submitting'),
    }).filter((path) => path.state.matches('submitting'));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const visited = path.steps.map((entry) => JSON.stringify(entry.state.value));
      expect(visited).toContain('"review"');
      expect(visited).toContain('"identity"');
      expect(visited).toContain('"signing"');
      expect(visited).toContain('"consent"');
      expect(visited.indexOf('"signing"')).toBeLessThan(visited.indexOf('"consent"'));
    }
  });
});

describe('apply journey, interpreted', () => {
  it('sends the answers (and only the answers) with the key; the applicant is not in the body', async () => {
    const submitted: ApplicationSubmit[] = [];
    const actor = createActor(
      machine.provide({
        actors: {
          searchCatalogue: fromPromise(async () => applyCatalogue),
          loadItem: fromPromise(async () => applyItem),
          submitApplication: fromPromise(async ({ input }: { input: ApplicationSubmit }) => {
            submitted.push(input);
            return receipt;
          }),
          // a stand-in journey that verifies at once (the real one needs the camera)
          faceCheck: faceCheckMachine.provide({
            actors: {
              loadOptions: fromPromise(async (): Promise<FaceOptions> => ({
                faceOffered: true,
                alternatives: [],
                attemptsLeft: 3,
                consented: true,
                verified: { method: 'face', at: '2025-01-01T10:00:00+08:00' },
              })),
            },
          }),
        },
      }),
      { input: { capturesMaterials: false } },
    ).start();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    actor.send({ type: 'CHOOSE', code: applyItem.code });
    await settle();
    for (const event of [
      { type: 'NEXT' },
      { type: 'SET_FIELD', value: '13812345678' },
      { type: 'NEXT' },
      { type: 'SET_FIELD', value: '300元' },
      { type: 'NEXT' },
      { type: 'NEXT' },
    ] as ApplyEvent[]) {
      actor.send(event);
    }
    // the face check (a fake that verifies at once) runs between the review and the declaration
    await settle();
    expect(actor.getSnapshot().value).toBe('signing');
    actor.send({ type: 'SIGN', signature: signaturePng });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('consent');
    actor.send({ type: 'CONSENT', agreed: true });
    actor.send({ type: 'SUBMIT' });
    await settle();
    expect(actor.getSnapshot().value).toBe('receipt');
    expect(submitted).toEqual([
      {
        itemCode: applyItem.code,
        form: { phone: '13812345678', grade: '300元' },
        materials: [],
        idempotencyKey: 'key-1',
        delivery: 'collect',
        signature: signaturePng,
      },
    ]);
    actor.send({ type: 'DONE' });
    expect(actor.getSnapshot().output).toEqual({ caseNumber: receipt.caseNumber, itemCode: applyItem.code });
  });
});

describe('apply journey with the document camera ready', () => {
  it('photographs each required material after the questions and sends its capture with the application', () => {
    let state = initialTransition(machine, { capturesMaterials: true })[0];
    const feed = (event: ApplyEvent) => (state = step(state, event));
    feed(synthetic('xstate.done.actor.searchCatalogue', { output: applyCatalogue }));
    feed({ type: 'CHOOSE', code: captureItem.code });
    feed(synthetic('xstate.done.actor.loadItem', { output: captureItem }));
    feed({ type: 'NEXT' });
    feed({ type: 'SET_FIELD', value: '13812345678' });
    feed({ type: 'NEXT' });
    feed({ type: 'SET_FIELD', value: '500元' });
    feed({ type: 'NEXT' });
    expect(state.value).toBe('capturing');
    // cancelling the photograph goes back to the guide, nothing kept
    const cancelled = step(state, synthetic('xstate.done.actor.documentCapture', { output: { result: 'cancelled' } }));
    expect(cancelled.value).toBe('guide');
    feed(synthetic('xstate.done.actor.documentCapture', { output: { result: 'captured', captureId: 'capture-1', pages: 2 } }));
    expect(state.value).toBe('review');
    expect(state.context.captures).toEqual({ 'household-register': 'capture-1' });
    feed({ type: 'NEXT' });
    expect(state.value).toBe('identity');
    // declining the check goes back to the review; verified goes on to the declaration
    expect(step(state, synthetic('xstate.done.actor.faceCheck', { output: { result: 'cancelled' } })).value).toBe('review');
    feed(synthetic('xstate.done.actor.faceCheck', { output: { result: 'verified', method: 'staff' } }));
    expect(state.value).toBe('signing');
    feed({ type: 'SIGN', signature: signaturePng });
    feed({ type: 'NEXT' });
    feed({ type: 'CONSENT', agreed: true });
    feed({ type: 'SUBMIT' });
    expect(state.value).toBe('submitting');
    expect(applicationOf(state.context).materials).toEqual([{ materialId: 'household-register', captureId: 'capture-1' }]);
  });
});
