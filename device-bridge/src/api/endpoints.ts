import { z } from 'zod';
import { applicationListResponseSchema, applicationReceiptSchema, applicationSubmitSchema } from './applications.ts';
import {
  appointmentBookedSchema,
  appointmentBookSchema,
  appointmentCheckInViewSchema,
  appointmentCodeSchema,
  appointmentListResponseSchema,
  slotListResponseSchema,
  slotQuerySchema,
} from './appointments.ts';
import { callStaffRequestSchema, callStaffResponseSchema } from './call-staff.ts';
import {
  cameraIdSchema,
  materialCaptureListSchema,
  materialCaptureViewSchema,
  pageIndexSchema,
  simCameraSceneSchema,
  startMaterialCaptureSchema,
} from './camera.ts';
import { catalogueQuerySchema, catalogueResponseSchema, serviceItemSchema } from './catalogue.ts';
import { certificatePreviewSchema, certificateRequestSchema, certificateTypeInfoSchema, certificateTypeSchema } from './certificates.ts';
import { deviceIdSchema, printerIdSchema } from './devices.ts';
import { kioskEventSchema } from './events.ts';
import {
  faceConsentRequestSchema,
  faceGuidanceSchema,
  faceOptionsSchema,
  faceVerifyResultSchema,
  staffConfirmRequestSchema,
  verifiedResponseSchema,
} from './face.ts';
import { healthResponseSchema } from './health.ts';
import { printJobViewSchema, printRequestSchema } from './print-jobs.ts';
import { queueStatusSchema, queueTakeSchema, queueTicketSchema } from './queue.ts';
import { ratingRequestSchema, ratingResponseSchema } from './ratings.ts';
import { recordListResponseSchema, recordViewSchema } from './records.ts';
import { routes, type EndpointName, type PathParamNames, type Routes } from './routes.ts';
import { endSessionRequestSchema, sessionViewSchema } from './session.ts';
import {
  simCardRequestSchema,
  simDeviceActionSchema,
  simFixtureSchema,
  simIdReaderFaultRequestSchema,
  simPrinterStateRequestSchema,
  simReceiptsResponseSchema,
  simScanRequestSchema,
} from './sim.ts';
import {
  auditResponseSchema,
  bundleExportResponseSchema,
  configAppliedResponseSchema,
  configChangeRequestSchema,
  configValidateResponseSchema,
  diagnosticBundleSchema,
  paperRefilledResponseSchema,
  printProblemsResponseSchema,
  selfTestResultSchema,
  technicianConfigResponseSchema,
  technicianDevicesResponseSchema,
  technicianLoginRequestSchema,
  technicianLoginResponseSchema,
  technicianLogResponseSchema,
  technicianPortsResponseSchema,
  technicianStatusSchema,
} from './technician.ts';

/** What a successful answer is: JSON of a schema, nothing (204), a stream, or bytes of one type. */
export type ResponseSpec =
  | {
      readonly kind: 'json';
      readonly status: 200 | 201 | 202;
      readonly schema: z.ZodType;
      /** the same request again (same idempotency key) answers the first result with this status */
      readonly repeatStatus?: 200;
    }
  | { readonly kind: 'empty' }
  | { readonly kind: 'event-stream'; readonly schema: z.ZodType }
  | { readonly kind: 'bytes'; readonly contentType: string };

const json = <S extends z.ZodType, const Status extends 200 | 201 | 202 = 200>(schema: S, status: Status = 200 as Status) => ({
  kind: 'json' as const,
  status,
  schema,
});
const empty = { kind: 'empty' } as const;
const eventStream = <S extends z.ZodType>(schema: S) => ({ kind: 'event-stream' as const, schema });
const bytes = <const T extends string>(contentType: T) => ({ kind: 'bytes' as const, contentType });

type ParamsSpec<P extends string> =
  PathParamNames<P> extends []
    ? { readonly params?: never }
    : { readonly params: z.ZodObject<{ [K in PathParamNames<P>[number]]: z.ZodType }> };

/** The schemas of one endpoint; its params schema names exactly the path's `:name` segments. */
export type EndpointSpec<P extends string> = ParamsSpec<P> & {
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: ResponseSpec;
  /**
   * A path param that fails its schema names nothing that exists: 404 not-found. Where the param is
   * a credential typed or scanned by a person rather than a name the UI got from the bridge, a
   * malformed one is their mistake to correct instead: 400 bad-request.
   */
  readonly invalidParams?: 'bad-request';
};

type EndpointSpecs = { readonly [N in EndpointName]: EndpointSpec<Routes[N]['path']> };

function defineEndpoints<const S extends EndpointSpecs>(specs: S): { readonly [N in EndpointName]: Routes[N] & S[N] } {
  return Object.fromEntries((Object.keys(routes) as EndpointName[]).map((name) => [name, { ...routes[name], ...specs[name] }])) as {
    readonly [N in EndpointName]: Routes[N] & S[N];
  };
}

const opaqueId = z.string().min(1).max(80);

/**
 * The endpoint table: every route of the bridge with what it takes and what it answers. The bridge
 * registers its routes from it (http/endpoint-router.ts), the UI's one client is typed from it,
 * and config/bridge-openapi.json is generated from it.
 */
export const endpoints = defineEndpoints({
  health: { response: json(healthResponseSchema) },
  events: { response: eventStream(kioskEventSchema) },
  session: { response: json(sessionViewSchema) },
  endSession: { body: endSessionRequestSchema, response: empty },
  uiHeartbeat: { response: empty },
  metrics: { response: bytes('text/plain; version=0.0.4; charset=utf-8') },
  callStaff: { body: callStaffRequestSchema, response: json(callStaffResponseSchema, 201) },

  certificates: { response: json(z.array(certificateTypeInfoSchema)) },
  certificatePreview: { body: certificateRequestSchema, response: json(certificatePreviewSchema) },
  printJobs: { body: printRequestSchema, response: json(printJobViewSchema, 202) },
  printJob: { params: z.object({ id: opaqueId }), response: json(printJobViewSchema) },
  printJobReprint: { params: z.object({ id: opaqueId }), response: json(printJobViewSchema, 202) },
  ratings: { body: ratingRequestSchema, response: json(ratingResponseSchema, 201) },

  catalogue: { query: catalogueQuerySchema, response: json(catalogueResponseSchema) },
  catalogueItem: { params: z.object({ code: opaqueId }), response: json(serviceItemSchema) },
  records: { response: json(recordListResponseSchema) },
  record: { params: z.object({ type: certificateTypeSchema }), response: json(recordViewSchema) },
  applications: { response: json(applicationListResponseSchema) },
  // 201 when stored; the same idempotency key again answers 200 with the first receipt
  submitApplication: { body: applicationSubmitSchema, response: { ...json(applicationReceiptSchema, 201), repeatStatus: 200 } },
  appointmentSlots: { query: slotQuerySchema, response: json(slotListResponseSchema) },
  appointments: { response: json(appointmentListResponseSchema) },
  bookAppointment: { body: appointmentBookSchema, response: json(appointmentBookedSchema, 201) },
  appointment: { params: z.object({ id: opaqueId }), response: empty },
  queue: { body: queueTakeSchema, response: json(queueTicketSchema, 201) },
  queueTicket: { params: z.object({ number: z.string().min(1).max(32) }), response: json(queueStatusSchema) },
  appointmentCheckIn: {
    params: z.object({ id: appointmentCodeSchema }),
    invalidParams: 'bad-request',
    response: json(appointmentCheckInViewSchema),
  },
  checkInAppointment: {
    params: z.object({ id: appointmentCodeSchema }),
    invalidParams: 'bad-request',
    response: json(queueTicketSchema, 201),
  },

  cameraPreview: { params: z.object({ cameraId: cameraIdSchema }), response: bytes('multipart/x-mixed-replace; boundary=frame') },
  materialCaptures: { response: json(materialCaptureListSchema) },
  startMaterialCapture: { body: startMaterialCaptureSchema, response: json(materialCaptureViewSchema, 201) },
  materialCapture: { params: z.object({ captureId: opaqueId }), response: empty },
  materialPages: { params: z.object({ captureId: opaqueId }), response: json(materialCaptureViewSchema, 201) },
  materialPage: { params: z.object({ captureId: opaqueId, index: pageIndexSchema }), response: json(materialCaptureViewSchema) },
  removeMaterialPage: { params: z.object({ captureId: opaqueId, index: pageIndexSchema }), response: json(materialCaptureViewSchema) },
  materialPageImage: { params: z.object({ captureId: opaqueId, index: pageIndexSchema }), response: bytes('image/jpeg') },
  faceOptions: { response: json(faceOptionsSchema) },
  faceConsent: { body: faceConsentRequestSchema, response: empty },
  faceGuidance: { response: json(faceGuidanceSchema) },
  faceVerify: { response: json(faceVerifyResultSchema) },
  faceStaffConfirm: { body: staffConfirmRequestSchema, response: json(verifiedResponseSchema) },

  technicianStatus: { response: json(technicianStatusSchema) },
  technicianLogin: { body: technicianLoginRequestSchema, response: json(technicianLoginResponseSchema) },
  technicianLogout: { response: empty },
  technicianDevices: { response: json(technicianDevicesResponseSchema) },
  technicianSelfTest: { params: z.object({ device: deviceIdSchema }), response: json(selfTestResultSchema) },
  technicianPaperRefilled: { params: z.object({ device: printerIdSchema }), response: json(paperRefilledResponseSchema) },
  technicianPrintProblems: { response: json(printProblemsResponseSchema) },
  technicianPrintProblemHandled: { params: z.object({ id: opaqueId }), response: empty },
  technicianLog: { response: json(technicianLogResponseSchema) },
  technicianAudit: { response: json(auditResponseSchema) },
  technicianConfigValidate: { body: configChangeRequestSchema, response: json(configValidateResponseSchema) },
  technicianPorts: { response: json(technicianPortsResponseSchema) },
  technicianConfig: { response: json(technicianConfigResponseSchema) },
  // written, then the bridge restarts onto it: 202
  technicianApplyConfig: { body: configChangeRequestSchema, response: json(configAppliedResponseSchema, 202) },
  technicianDiagnosticBundle: { response: json(diagnosticBundleSchema) },
  technicianDiagnosticBundleExport: { response: json(bundleExportResponseSchema, 201) },

  simFixtures: { response: json(z.array(simFixtureSchema)) },
  simCard: { body: simCardRequestSchema, response: empty },
  simRemoveCard: { response: empty },
  simIdReaderFault: { body: simIdReaderFaultRequestSchema, response: empty },
  simScan: { body: simScanRequestSchema, response: empty },
  simReceipts: { response: json(simReceiptsResponseSchema) },
  simPrinterState: { params: z.object({ printerId: printerIdSchema }), body: simPrinterStateRequestSchema, response: empty },
  simDevice: { params: z.object({ deviceId: deviceIdSchema, action: simDeviceActionSchema }), response: empty },
  simCameraScene: { params: z.object({ cameraId: cameraIdSchema }), body: simCameraSceneSchema, response: empty },
});

export type { EndpointName };
export type Endpoints = typeof endpoints;
export type Endpoint = Endpoints[EndpointName];

/** What a handler is given, parsed: path params, query and body of endpoint E. */
export type ParamsOf<E> = E extends { params: infer P extends z.ZodType } ? z.output<P> : Record<string, never>;
export type QueryOf<E> = E extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;
export type BodyOf<E> = E extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;

/** What a caller sends: the schemas' input types (defaults may be left out). */
export type ParamsInputOf<E> = E extends { params: infer P extends z.ZodType } ? z.input<P> : never;
export type QueryInputOf<E> = E extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
export type BodyInputOf<E> = E extends { body: infer B extends z.ZodType } ? z.input<B> : never;

/** What a successful JSON answer carries; void for 204 and for streams and bytes. */
export type ResultOf<E> = E extends { response: { kind: 'json'; schema: infer S extends z.ZodType } } ? z.output<S> : void;

/** The endpoints a client calls and reads JSON (or nothing) from; streams and pictures are opened by URL. */
export type CallableEndpointName = {
  [N in EndpointName]: Endpoints[N]['response']['kind'] extends 'json' | 'empty' ? N : never;
}[EndpointName];
