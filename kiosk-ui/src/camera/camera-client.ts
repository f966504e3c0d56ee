import type { FaceHint, FaceOptions, FaceVerifyResult, MaterialCaptureView, VerifiedResponse } from '@tongban/device-bridge/api';
import { BridgeError, bridgeErrorFromBody } from '../bridge/bridge-error.ts';
import { bridgePaths } from '../bridge/paths.ts';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The face check's and document capture's calls to the bridge, shaped as the actors the
 * two machines need. Face frames and pages never come through here: only hints, decisions, page
 * lists; the pictures are `<img>` URLs the bridge streams itself.
 */
export function createCameraClient(baseUrl = '', fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new BridgeError('unreachable', `bridge not reachable: ${String(cause)}`, 0);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw bridgeErrorFromBody(response.status, parsed);
    return parsed as T;
  }
  return {
    faceOptions: () => request<FaceOptions>('GET', bridgePaths.faceOptions),
    giveConsent: () => request<void>('POST', bridgePaths.faceConsent, { consent: true }),
    guidance: async () => (await request<{ hint: FaceHint }>('GET', bridgePaths.faceGuidance)).hint,
    verifyFace: () => request<FaceVerifyResult>('POST', bridgePaths.faceVerify, {}),
    confirmByStaff: (staffCode: string) => request<VerifiedResponse>('POST', bridgePaths.faceStaffConfirm, { staffCode }),
    startCapture: (materialId: string) => request<MaterialCaptureView>('POST', bridgePaths.materialCaptures, { materialId }),
    takePage: (captureId: string) => request<MaterialCaptureView>('POST', bridgePaths.materialPages(captureId), {}),
    retakePage: (captureId: string, index: number) => request<MaterialCaptureView>('PUT', bridgePaths.materialPage(captureId, index), {}),
    removePage: (captureId: string, index: number) => request<MaterialCaptureView>('DELETE', bridgePaths.materialPage(captureId, index)),
    discardCapture: (captureId: string) => request<void>('DELETE', bridgePaths.materialCapture(captureId)),
  };
}

export type CameraClient = ReturnType<typeof createCameraClient>;
