import type { Clock } from '../../time/clock.ts';
import type { Camera } from '../device.ts';
import { createSimulatedLinkDevice, type SimulatedLinkDevice } from '../simulated-link.ts';

/**
 * A simulated camera, used for both the face camera and the document camera (高拍仪). For now it
 * reports its connection only; capturing frames arrives with the camera driver.
 */
export interface SimulatedCamera<Id extends Camera['id']> extends Camera, SimulatedLinkDevice<Id> {
  readonly id: Id;
}

export function createSimulatedCamera<Id extends Camera['id']>(id: Id, options: { clock: Pick<Clock, 'now'> }): SimulatedCamera<Id> {
  return createSimulatedLinkDevice(id, options);
}
