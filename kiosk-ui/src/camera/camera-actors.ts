import { fromPromise } from 'xstate';
import { documentCaptureMachine } from '../flows/document-capture.machine.ts';
import { faceCheckMachine } from '../flows/face-check.machine.ts';
import type { BridgeClient } from '../bridge/client.ts';

/**
 * The face check machine with its actors bound to the bridge. Face frames and pages never come
 * through here: only hints, decisions and page lists; the pictures are `<img>` URLs the bridge
 * streams itself.
 */
export function provideFaceCheck(client: BridgeClient) {
  return faceCheckMachine.provide({
    actors: {
      loadOptions: fromPromise(() => client.faceOptions()),
      giveConsent: fromPromise(() => client.faceConsent({ body: { consent: true } })),
      loadGuidance: fromPromise(async () => (await client.faceGuidance()).hint),
      verifyFace: fromPromise(() => client.faceVerify()),
      confirmByStaff: fromPromise(({ input }: { input: { code: string } }) => client.faceStaffConfirm({ body: { staffCode: input.code } })),
    },
  });
}

/** The document capture machine with its actors bound to the bridge (the apply journey invokes it per material). */
export function provideDocumentCapture(client: BridgeClient) {
  return documentCaptureMachine.provide({
    actors: {
      startCapture: fromPromise(({ input }: { input: { materialId: string } }) =>
        client.startMaterialCapture({ body: { materialId: input.materialId } }),
      ),
      takePage: fromPromise(({ input }: { input: { captureId: string } }) =>
        client.materialPages({ params: { captureId: input.captureId } }),
      ),
      retakePage: fromPromise(({ input }: { input: { captureId: string; index: number } }) =>
        client.materialPage({ params: { captureId: input.captureId, index: input.index } }),
      ),
      removePage: fromPromise(({ input }: { input: { captureId: string; index: number } }) =>
        client.removeMaterialPage({ params: { captureId: input.captureId, index: input.index } }),
      ),
      discardCapture: fromPromise(({ input }: { input: { captureId: string } }) =>
        client.materialCapture({ params: { captureId: input.captureId } }),
      ),
    },
  });
}
