import type { FaceCheck } from '../face/face-check.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';

/** Face check (人证比对) and staff-assisted confirmation; see api/face.ts. */
export function faceHandlers(deps: {
  faceCheck: Pick<FaceCheck, 'options' | 'consent' | 'guidance' | 'verify' | 'staffConfirm'>;
}): EndpointHandlers<'faceOptions' | 'faceConsent' | 'faceGuidance' | 'faceVerify' | 'faceStaffConfirm'> {
  const { faceCheck } = deps;
  return {
    faceOptions: () => faceCheck.options(),
    faceConsent: () => faceCheck.consent(),
    faceGuidance: async () => ({ hint: await faceCheck.guidance() }),
    faceVerify: () => faceCheck.verify(),
    faceStaffConfirm: ({ body }) => faceCheck.staffConfirm(body.staffCode),
  };
}
