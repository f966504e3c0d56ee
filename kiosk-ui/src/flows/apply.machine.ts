import type {
  ApplicationReceipt,
  ApplicationSubmit,
  CatalogueQuery,
  CatalogueResponse,
  ServiceItem,
  ServiceItemSummary,
  ServiceMaterial,
} from '@tongban/device-bridge/api';
import { and, assign, fromPromise, not, setup } from 'xstate';
import { documentCaptureMachine, type DocumentCaptureOutput } from './document-capture.machine.ts';
import { faceCheckMachine, type FaceCheckOutput } from './face-check.machine.ts';
import { failureCodeOf } from './failure-code.ts';
import { fieldProblem, submittedValue } from './form-fields.ts';
import { notProvidedIn } from './not-provided.ts';

/** Why an item cannot be applied for here; the screen says where to go instead. */
export type NotApplicableReason = 'needs-capture';

/** Materials the kiosk would have to photograph (required, capturable on the document camera). */
export function materialsToCapture(materials: readonly ServiceMaterial[]): ServiceMaterial[] {
  return materials.filter((material) => material.required && material.kioskCapturable);
}

/** Materials the citizen brings to the window (paper originals the camera does not take), shared ones excluded. */
export function materialsToBring(materials: readonly ServiceMaterial[]): ServiceMaterial[] {
  return materials.filter((material) => material.source !== 'shared' && !material.kioskCapturable);
}

/**
 * An item needing a photographed material can be applied for only while the document camera works;
 * otherwise it says so and stops (never a pretend capture).
 */
export function notApplicableReason(item: ServiceItem, capturesMaterials: boolean): NotApplicableReason | null {
  return materialsToCapture(item.guide.materials).length > 0 && !capturesMaterials ? 'needs-capture' : null;
}

export interface ApplyInput {
  /** the document camera (高拍仪) is ready */
  capturesMaterials: boolean;
}

export interface ApplyContext {
  capturesMaterials: boolean;
  items: ServiceItemSummary[] | null;
  item: ServiceItem | null;
  /** answers by field id, as typed */
  form: Record<string, string>;
  fieldIndex: number;
  /** material id → capture id of its pages on the document camera (this session only) */
  captures: Record<string, string>;
  /** which of the materials to photograph is being photographed */
  captureIndex: number;
  /** 手写签名: the PNG data URL from the signature pad, null until signed (a tap is not a signature) */
  signature: string | null;
  consent: boolean;
  /** one per attempt, made once before the first submit and reused by every retry of it */
  idempotencyKey: string | null;
  receipt: ApplicationReceipt | null;
  failure: string | null;
}

export type ApplyEvent =
  | { type: 'CHOOSE'; code: string }
  | { type: 'SET_FIELD'; value: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SIGN'; signature: string | null }
  | { type: 'CONSENT'; agreed: boolean }
  | { type: 'SUBMIT' }
  | { type: 'RETRY' }
  | { type: 'DONE' }
  | { type: 'CLOSE' };

/** Handed to the session when the journey ends: the case to rate, or nothing. */
export type ApplyOutput = { caseNumber: string; itemCode: string } | null;

const notProvided = notProvidedIn('apply');

const currentField = (context: ApplyContext) => context.item?.guide.formFields[context.fieldIndex];

/** The body of POST /api/applications; the applicant comes from the bridge's session, never from here. */
export function applicationOf(context: ApplyContext): ApplicationSubmit {
  const item = context.item;
  if (!item || !context.idempotencyKey) throw new Error('apply: submit without an item or a key');
  const form: Record<string, string> = {};
  for (const field of item.guide.formFields) {
    const value = submittedValue(field, context.form[field.id] ?? '');
    if (value !== '') form[field.id] = value;
  }
  const materials = Object.entries(context.captures).map(([materialId, captureId]) => ({ materialId, captureId }));
  return {
    itemCode: item.code,
    form,
    materials,
    idempotencyKey: context.idempotencyKey,
    delivery: 'collect',
    ...(context.signature ? { signature: context.signature } : {}),
  };
}

/**
 * 申请办理: choose an item → its guide and material checklist → the form, one question per screen
 * (what the ID card says is never asked: the bridge takes the applicant from the session) → review →
 * consent → submit → the receipt with its 办件编号.
 */
export const applyMachine = setup({
  types: {
    context: {} as ApplyContext,
    events: {} as ApplyEvent,
    input: {} as ApplyInput,
    output: {} as ApplyOutput,
  },
  actors: {
    /** GET /api/catalogue (items the kiosk can take applications for are filtered here) */
    searchCatalogue: fromPromise<CatalogueResponse, CatalogueQuery>(async () => notProvided('searchCatalogue')),
    /** GET /api/catalogue/:code */
    loadItem: fromPromise<ServiceItem, { code: string }>(async () => notProvided('loadItem')),
    /** POST /api/applications */
    submitApplication: fromPromise<ApplicationReceipt, ApplicationSubmit>(async () => notProvided('submitApplication')),
    /** photographs one material on the 高拍仪 (journey), per material */
    documentCapture: documentCaptureMachine,
    /** 实人认证 before an application is signed off: face check or its alternatives (journey) */
    faceCheck: faceCheckMachine,
  },
  actions: {
    /** randomness is injected: the app gives crypto.randomUUID(), tests a fixed key */
    makeIdempotencyKey: () => notProvided('makeIdempotencyKey'),
    storeCapture: assign({
      captures: ({ context, event }) => {
        const output = (event as { output?: DocumentCaptureOutput }).output;
        const material = materialsToCapture(context.item?.guide.materials ?? [])[context.captureIndex];
        return output?.result === 'captured' && material ? { ...context.captures, [material.id]: output.captureId } : context.captures;
      },
    }),
  },
  guards: {
    fieldAnswered: ({ context }) => {
      const field = currentField(context);
      return field !== undefined && fieldProblem(field, context.form[field.id] ?? '') === null;
    },
    isLastField: ({ context }) => context.fieldIndex >= (context.item?.guide.formFields.length ?? 0) - 1,
    hasFields: ({ context }) => (context.item?.guide.formFields.length ?? 0) > 0,
    isFirstField: ({ context }) => context.fieldIndex === 0,
    applicable: ({ context }) => context.item !== null && notApplicableReason(context.item, context.capturesMaterials) === null,
    needsCaptures: ({ context }) => context.item !== null && materialsToCapture(context.item.guide.materials).length > 0,
    consented: ({ context }) => context.consent,
    signed: ({ context }) => context.signature !== null,
    hasKey: ({ context }) => context.idempotencyKey !== null,
  },
}).createMachine({
  id: 'apply',
  context: ({ input }) => ({
    capturesMaterials: input?.capturesMaterials ?? false,
    items: null,
    item: null,
    form: {},
    fieldIndex: 0,
    captures: {},
    captureIndex: 0,
    signature: null,
    consent: false,
    idempotencyKey: null,
    receipt: null,
    failure: null,
  }),
  initial: 'loadingItems',
  output: ({ context }) => (context.receipt ? { caseNumber: context.receipt.caseNumber, itemCode: context.receipt.itemCode } : null),
  on: { CLOSE: '.closed' },
  states: {
    loadingItems: {
      invoke: {
        id: 'searchCatalogue',
        src: 'searchCatalogue',
        input: {},
        onDone: {
          target: 'choosing',
          actions: assign({ items: ({ event }) => event.output.items.filter((item) => item.modes.includes('apply')) }),
        },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    choosing: {
      entry: assign({
        item: null,
        form: {},
        fieldIndex: 0,
        captures: {},
        captureIndex: 0,
        signature: null,
        consent: false,
        idempotencyKey: null,
      }),
      on: { CHOOSE: 'loadingItem' },
    },
    loadingItem: {
      invoke: {
        id: 'loadItem',
        src: 'loadItem',
        input: ({ event }) => ({ code: event.type === 'CHOOSE' ? event.code : '' }),
        onDone: { target: 'guide', actions: assign({ item: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the guide and the material checklist; an item needing a photographed material stops here, with the reason */
    guide: {
      on: {
        NEXT: [
          { guard: and(['applicable', 'hasFields']), target: 'filling', actions: assign({ fieldIndex: 0 }) },
          { guard: and(['applicable', 'needsCaptures']), target: 'capturing', actions: assign({ captureIndex: 0 }) },
          { guard: 'applicable', target: 'review' },
        ],
        BACK: 'choosing',
      },
    },
    /** one question per screen */
    filling: {
      on: {
        SET_FIELD: {
          actions: assign({
            form: ({ context, event }) => {
              const field = currentField(context);
              return field ? { ...context.form, [field.id]: event.value } : context.form;
            },
          }),
        },
        NEXT: [
          { guard: and(['fieldAnswered', 'isLastField', 'needsCaptures']), target: 'capturing', actions: assign({ captureIndex: 0 }) },
          { guard: and(['fieldAnswered', 'isLastField']), target: 'review' },
          { guard: 'fieldAnswered', actions: assign({ fieldIndex: ({ context }) => context.fieldIndex + 1 }) },
        ],
        BACK: [{ guard: 'isFirstField', target: 'guide' }, { actions: assign({ fieldIndex: ({ context }) => context.fieldIndex - 1 }) }],
      },
    },
    /** each material to photograph in turn, on the document camera; cancelling goes back to the guide */
    capturing: {
      invoke: {
        id: 'documentCapture',
        src: 'documentCapture',
        input: ({ context }) => {
          const material = materialsToCapture(context.item?.guide.materials ?? [])[context.captureIndex];
          return { materialId: material?.id ?? '', materialName: material?.name ?? '' };
        },
        onDone: [
          { guard: ({ event }) => (event.output as DocumentCaptureOutput).result !== 'captured', target: 'guide' },
          {
            guard: ({ context }) => context.captureIndex + 1 < materialsToCapture(context.item?.guide.materials ?? []).length,
            target: 'capturing',
            reenter: true,
            actions: ['storeCapture', assign({ captureIndex: ({ context }) => context.captureIndex + 1 })],
          },
          { target: 'review', actions: 'storeCapture' },
        ],
      },
    },
    review: {
      on: {
        NEXT: 'identity',
        BACK: [
          {
            guard: 'hasFields',
            target: 'filling',
            actions: assign({ fieldIndex: ({ context }) => (context.item?.guide.formFields.length ?? 1) - 1 }),
          },
          { target: 'guide' },
        ],
      },
    },
    /**
     * 实人认证: an application is made in the citizen's name, so the person at the kiosk is checked
     * against the card (face, with its consent, or staff) before the declaration; done once per
     * session (the bridge remembers), declined → back to the review.
     */
    identity: {
      invoke: {
        id: 'faceCheck',
        src: 'faceCheck',
        onDone: [
          { guard: ({ event }) => (event.output as FaceCheckOutput).result === 'verified', target: 'signing' },
          { target: 'review' },
        ],
      },
    },
    /**
     * 手写签名 by the verified citizen: the pad gives a picture only once the ink is a signature (a tap
     * is not), "write again" gives null; going back to the review keeps nothing half signed.
     */
    signing: {
      // the pad starts empty on every visit, so the picture sent is always the one just drawn
      entry: assign({ signature: null }),
      on: {
        SIGN: { actions: assign({ signature: ({ event }) => event.signature }) },
        NEXT: { guard: 'signed', target: 'consent' },
        BACK: 'review',
      },
    },
    /** 告知承诺: the citizen confirms what they submit is true and agrees to its use for this case */
    consent: {
      on: {
        CONSENT: { actions: assign({ consent: ({ event }) => event.agreed }) },
        SUBMIT: [
          { guard: and(['consented', not('hasKey')]), target: 'submitting', actions: 'makeIdempotencyKey' },
          { guard: 'consented', target: 'submitting' },
        ],
        BACK: 'signing',
      },
    },
    submitting: {
      // a submit in flight cannot be abandoned half way: it is stored or it fails, then the citizen chooses
      on: { CLOSE: {} },
      invoke: {
        id: 'submitApplication',
        src: 'submitApplication',
        input: ({ context }) => applicationOf(context),
        // the bridge has the signature sealed now: the kiosk page keeps no copy of it
        onDone: { target: 'receipt', actions: assign({ receipt: ({ event }) => event.output, failure: null, signature: null }) },
        onError: { target: 'submitFailed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the same attempt may be retried with the same key: the bridge never makes two applications of it */
    submitFailed: {
      on: { RETRY: 'submitting', BACK: 'review' },
    },
    receipt: {
      on: { DONE: 'finished', CLOSE: 'finished' },
    },
    failed: {
      on: { RETRY: { target: 'loadingItems', actions: assign({ failure: null }) } },
    },
    finished: { type: 'final' },
    closed: { type: 'final', entry: assign({ receipt: null, signature: null }) },
  },
});

export type ApplyMachine = typeof applyMachine;
