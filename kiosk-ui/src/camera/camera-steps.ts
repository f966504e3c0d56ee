import type { SnapshotFrom } from 'xstate';
import type { DocumentCaptureMachine } from '../flows/document-capture.machine.ts';
import type { FaceCheckMachine } from '../flows/face-check.machine.ts';
import type { VoiceStepName } from '../voice/voice-step.ts';

/** A machine's top-level state: the view the camera screen shows (nested states are details of it). */
type TopState<Value> = Value extends string ? Value : keyof Value & string;
export type FaceCheckState = TopState<SnapshotFrom<FaceCheckMachine>['value']>;
export type DocumentCaptureState = TopState<SnapshotFrom<DocumentCaptureMachine>['value']>;

export function topStateOf<Value extends string | Record<string, unknown>>(value: Value): TopState<Value> {
  return (typeof value === 'string' ? value : Object.keys(value)[0]!) as TopState<Value>;
}

/**
 * The step (voice/steps.ts: `data-step` and its own spoken guidance) of each state of the face check.
 * A state added to the machine without a step here stops tsc: every view says what it asks.
 */
export const faceCheckSteps: Record<FaceCheckState, VoiceStepName> = {
  loading: 'face-check-loading',
  checkingOptions: 'face-check-loading',
  choosing: 'face-check-choice',
  consenting: 'face-check-loading',
  capturing: 'face-check-camera',
  verifying: 'face-check-verifying',
  retry: 'face-check-retry',
  reloading: 'face-check-loading',
  staffCode: 'face-check-staff',
  confirmingStaff: 'face-check-staff',
  failed: 'face-check-failed',
  // final: shown for the moment before the journey moves on
  verified: 'face-check-loading',
  cancelled: 'face-check-loading',
};

/** The same for photographing a material on the 高拍仪. */
export const documentCaptureSteps: Record<DocumentCaptureState, VoiceStepName> = {
  starting: 'document-capture-taking',
  previewing: 'document-capture-preview',
  taking: 'document-capture-taking',
  reviewing: 'document-capture-review',
  retaking: 'document-capture-taking',
  removing: 'document-capture-taking',
  failed: 'document-capture-failed',
  discarding: 'document-capture-taking',
  done: 'document-capture-taking',
  cancelled: 'document-capture-taking',
};
