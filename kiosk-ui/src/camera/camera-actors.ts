import { fromPromise } from 'xstate';
import { documentCaptureMachine } from '../flows/document-capture.machine.ts';
import { faceCheckMachine } from '../flows/face-check.machine.ts';
import type { CameraClient } from './camera-client.ts';

/** The face check machine with its actors bound to the bridge (what H6a's journey invokes). */
export function provideFaceCheck(client: CameraClient) {
  return faceCheckMachine.provide({
    actors: {
      loadOptions: fromPromise(() => client.faceOptions()),
      giveConsent: fromPromise(() => client.giveConsent()),
      loadGuidance: fromPromise(() => client.guidance()),
      verifyFace: fromPromise(() => client.verifyFace()),
      confirmByStaff: fromPromise(({ input }: { input: { code: string } }) => client.confirmByStaff(input.code)),
    },
  });
}

/** The document capture machine with its actors bound to the bridge (the apply journey invokes it per material). */
export function provideDocumentCapture(client: CameraClient) {
  return documentCaptureMachine.provide({
    actors: {
      startCapture: fromPromise(({ input }: { input: { materialId: string } }) => client.startCapture(input.materialId)),
      takePage: fromPromise(({ input }: { input: { captureId: string } }) => client.takePage(input.captureId)),
      retakePage: fromPromise(({ input }: { input: { captureId: string; index: number } }) =>
        client.retakePage(input.captureId, input.index),
      ),
      removePage: fromPromise(({ input }: { input: { captureId: string; index: number } }) =>
        client.removePage(input.captureId, input.index),
      ),
      discardCapture: fromPromise(({ input }: { input: { captureId: string } }) => client.discardCapture(input.captureId)),
    },
  });
}
