/**
 * Every HTTP endpoint of the bridge: its name, method, path and who may call it. This half of the
 * endpoint table holds no zod, so the kiosk UI can import it at run time without pulling zod into
 * its bundle; `endpoints.ts` gives each of these names its params, query, body and response
 * schemas (tsc refuses a name one half has and the other lacks), the bridge registers its routes
 * from the two, and the UI's client and the OpenAPI document are derived from them.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call an endpoint; the registration enforces it before any handler runs.
 * - public: anyone on the kiosk's own origin (the host and origin guard still applies);
 * - session: only while a citizen is identified (else 404 no-session), and the handler is given
 *   that session;
 * - technician: with the bearer token of a technician's PIN login (else 401);
 * - doctor: as technician, or with the doctor CLI's per-start token (read-and-test endpoints only);
 * - simulation: registered only when the devices are simulated: a real kiosk has no such route.
 */
export type Access = 'public' | 'session' | 'technician' | 'doctor' | 'simulation';

export interface RouteShape {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
}

const route = <const M extends HttpMethod, const P extends string, const A extends Access>(method: M, path: P, access: A) => ({
  method,
  path,
  access,
});

export const routes = {
  // the kiosk and its session
  health: route('GET', '/api/health', 'public'),
  events: route('GET', '/api/events', 'public'),
  session: route('GET', '/api/session', 'session'),
  endSession: route('DELETE', '/api/session', 'public'),
  uiHeartbeat: route('POST', '/api/ui-heartbeat', 'public'),
  metrics: route('GET', '/metrics', 'public'),
  callStaff: route('POST', '/api/call-staff', 'public'),

  // certificates and printing
  certificates: route('GET', '/api/certificates', 'public'),
  certificatePreview: route('POST', '/api/certificates/preview', 'session'),
  printJobs: route('POST', '/api/print-jobs', 'session'),
  printJob: route('GET', '/api/print-jobs/:id', 'public'),
  printJobReprint: route('POST', '/api/print-jobs/:id/reprint', 'session'),
  ratings: route('POST', '/api/ratings', 'session'),

  // the government service platform
  catalogue: route('GET', '/api/catalogue', 'public'),
  catalogueItem: route('GET', '/api/catalogue/:code', 'public'),
  records: route('GET', '/api/records', 'session'),
  record: route('GET', '/api/records/:type', 'session'),
  applications: route('GET', '/api/applications', 'session'),
  submitApplication: route('POST', '/api/applications', 'session'),
  appointmentSlots: route('GET', '/api/appointments/slots', 'public'),
  appointments: route('GET', '/api/appointments', 'session'),
  bookAppointment: route('POST', '/api/appointments', 'session'),
  appointment: route('DELETE', '/api/appointments/:id', 'session'),
  queue: route('POST', '/api/queue', 'session'),
  queueTicket: route('GET', '/api/queue/:number', 'public'),
  /** 预约签到: the scanned appointment code is the credential, so no session is needed */
  appointmentCheckIn: route('GET', '/api/appointment-check-in/:id', 'public'),
  checkInAppointment: route('POST', '/api/appointment-check-in/:id', 'public'),

  // cameras, document capture (高拍仪) and the face check (人证比对)
  cameraPreview: route('GET', '/api/camera/:cameraId/preview', 'session'),
  materialCaptures: route('GET', '/api/materials/captures', 'session'),
  startMaterialCapture: route('POST', '/api/materials/captures', 'session'),
  materialCapture: route('DELETE', '/api/materials/captures/:captureId', 'session'),
  materialPages: route('POST', '/api/materials/captures/:captureId/pages', 'session'),
  materialPage: route('PUT', '/api/materials/captures/:captureId/pages/:index', 'session'),
  removeMaterialPage: route('DELETE', '/api/materials/captures/:captureId/pages/:index', 'session'),
  materialPageImage: route('GET', '/api/materials/captures/:captureId/pages/:index/image', 'session'),
  faceOptions: route('GET', '/api/face/options', 'session'),
  faceConsent: route('POST', '/api/face/consent', 'session'),
  faceGuidance: route('GET', '/api/face/guidance', 'session'),
  faceVerify: route('POST', '/api/face/verify', 'session'),
  faceStaffConfirm: route('POST', '/api/face/staff-confirm', 'session'),

  // technician mode
  technicianStatus: route('GET', '/api/technician/status', 'public'),
  technicianLogin: route('POST', '/api/technician/login', 'public'),
  technicianLogout: route('POST', '/api/technician/logout', 'technician'),
  technicianDevices: route('GET', '/api/technician/devices', 'doctor'),
  technicianSelfTest: route('POST', '/api/technician/devices/:device/self-test', 'doctor'),
  technicianPaperRefilled: route('POST', '/api/technician/devices/:device/paper-refilled', 'technician'),
  technicianPrintProblems: route('GET', '/api/technician/print-jobs/attention', 'technician'),
  technicianPrintProblemHandled: route('POST', '/api/technician/print-jobs/:id/acknowledge', 'technician'),
  technicianLog: route('GET', '/api/technician/log', 'technician'),
  technicianAudit: route('GET', '/api/technician/audit', 'technician'),
  technicianConfigValidate: route('POST', '/api/technician/config/validate', 'technician'),
  technicianPorts: route('GET', '/api/technician/ports', 'technician'),
  technicianConfig: route('GET', '/api/technician/config', 'technician'),
  technicianApplyConfig: route('PUT', '/api/technician/config', 'technician'),
  technicianDiagnosticBundle: route('GET', '/api/technician/diagnostic-bundle', 'doctor'),
  technicianDiagnosticBundleExport: route('POST', '/api/technician/diagnostic-bundle/export', 'technician'),

  // simulated hardware (the dev panel)
  simFixtures: route('GET', '/api/sim/fixtures', 'simulation'),
  simCard: route('POST', '/api/sim/id-reader/card', 'simulation'),
  simRemoveCard: route('DELETE', '/api/sim/id-reader/card', 'simulation'),
  simIdReaderFault: route('POST', '/api/sim/id-reader/fault', 'simulation'),
  simScan: route('POST', '/api/sim/scanner/scan', 'simulation'),
  simReceipts: route('GET', '/api/sim/receipt-printer/receipts', 'simulation'),
  simPrinterState: route('POST', '/api/sim/:printerId/state', 'simulation'),
  simDevice: route('POST', '/api/sim/devices/:deviceId/:action', 'simulation'),
  simCameraScene: route('POST', '/api/sim/camera/:cameraId/scene', 'simulation'),
} as const satisfies Record<string, RouteShape>;

export type Routes = typeof routes;
export type EndpointName = keyof Routes;

/** The `:name` segments of a path, in order: '/a/:id/b/:index' → ['id', 'index']. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...PathParamNames<`/${Rest}`>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

type ValuesOf<Names extends readonly string[]> = { [K in keyof Names]: string | number };
type PathValues<P extends string> = ValuesOf<PathParamNames<P>>;

/** A path with no params is its string; one with params builds it from the values in path order. */
export type PathBuilder<P extends string> = PathParamNames<P> extends [] ? P : (...values: PathValues<P>) => string;

/** Fills a route's `:name` segments from named values, each URL-encoded. */
export function pathWith(path: string, params: Readonly<Record<string, string | number>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_segment, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path} needs a value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Fills a route's `:name` segments in order, each value URL-encoded. */
export function fillPath(path: string, values: readonly (string | number)[]): string {
  let next = 0;
  return path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(String(values[next++])));
}

function pathBuilderOf(path: string): string | ((...values: (string | number)[]) => string) {
  return path.includes('/:') ? (...values) => fillPath(path, values) : path;
}

/**
 * Each endpoint's path, derived from the table: a string, or a function of the path's params in
 * order (`apiPaths.printJob(id)`). For the streams and pictures the browser opens by URL
 * (EventSource, `<img src>`) and for tests that speak raw HTTP on purpose.
 */
export const apiPaths = Object.fromEntries(Object.entries(routes).map(([name, shape]) => [name, pathBuilderOf(shape.path)])) as unknown as {
  readonly [N in EndpointName]: PathBuilder<Routes[N]['path']>;
};
