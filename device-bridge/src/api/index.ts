// The one contract between the device bridge and the kiosk UI (architecture rule 4).
// The UI imports types only (`import type`), so zod never reaches the browser bundle.
export * from './errors.ts';
export * from './identity.ts';
export * from './devices.ts';
export * from './health.ts';
export * from './session.ts';
export * from './certificates.ts';
export * from './print-jobs.ts';
export * from './ratings.ts';
export * from './catalogue.ts';
export * from './records.ts';
export * from './applications.ts';
export * from './appointments.ts';
export * from './queue.ts';
export * from './call-staff.ts';
export * from './events.ts';
export * from './sim.ts';
export * from './face.ts';
export * from './camera.ts';
export * from './routes.ts';
export * from './screens.ts';
export * from './technician.ts';
export * from './endpoints.ts';
