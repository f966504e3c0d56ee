import type {
  ApplicationListResponse,
  ApplicationReceipt,
  ApplicationSubmit,
  AppointmentBook,
  AppointmentCheckInView,
  AppointmentListResponse,
  AppointmentBooked,
  CatalogueQuery,
  CatalogueResponse,
  QueueTake,
  QueueTicket,
  RecordListResponse,
  RecordView,
  ServiceItem,
  SlotListResponse,
  SlotQuery,
  CertificatePreview,
  CertificateType,
  CertificateTypeInfo,
  DeviceId,
  EndSessionRequest,
  HealthResponse,
  PrinterCondition,
  PrintJobView,
  RatingRequest,
  RatingResponse,
  SessionView,
  SimCardRequest,
  SimFixture,
  SimIdReaderFaultRequest,
} from '@tongban/device-bridge/api';
// type only, straight from the contract file (erased from the bundle)
import type { SimReceiptsResponse } from '../../../device-bridge/src/api/sim.ts';
import { BridgeError, bridgeErrorFromBody } from './bridge-error.ts';
import { bridgePaths } from './paths.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface BridgeClient {
  fetchHealth(): Promise<HealthResponse>;
  /** the current session, or null when there is none (404 no-session) */
  getSession(): Promise<SessionView | null>;
  endSession(reason: EndSessionRequest['reason']): Promise<void>;
  listCertificates(): Promise<CertificateTypeInfo[]>;
  previewCertificate(type: CertificateType): Promise<CertificatePreview>;
  submitPrintJob(type: CertificateType, copies?: number): Promise<PrintJobView>;
  /** a failed job of this session, once */
  reprintJob(id: string): Promise<PrintJobView>;
  getPrintJob(id: string): Promise<PrintJobView>;
  submitRating(request: RatingRequest): Promise<RatingResponse>;
  /** 办事指南: no session needed */
  searchCatalogue(query: CatalogueQuery): Promise<CatalogueResponse>;
  getServiceItem(code: string): Promise<ServiceItem>;
  listRecords(): Promise<RecordListResponse>;
  getRecord(type: CertificateType): Promise<RecordView>;
  submitApplication(application: ApplicationSubmit): Promise<ApplicationReceipt>;
  listApplications(): Promise<ApplicationListResponse>;
  listSlots(query: SlotQuery): Promise<SlotListResponse>;
  listAppointments(): Promise<AppointmentListResponse>;
  /** books and prints the slip (printed says whether it came out) */
  bookAppointment(booking: AppointmentBook): Promise<AppointmentBooked>;
  cancelAppointment(id: string): Promise<void>;
  takeQueueNumber(request: QueueTake): Promise<QueueTicket>;
  /** 预约签到: the scanned appointment (no session) and its check-in, which gives its queue number */
  findAppointmentByCode(appointmentId: string): Promise<AppointmentCheckInView>;
  checkInAppointment(appointmentId: string): Promise<QueueTicket>;
  /** POST /api/ui-heartbeat: the UI is alive (monitoring alerts when it goes quiet) */
  sendUiHeartbeat(): Promise<void>;
  simFixtures(): Promise<SimFixture[]>;
  simPlaceCard(fixtureId: string): Promise<void>;
  /** a made-up card of one SAM card type, or a damaged card (simulation only) */
  simTestCard(card: Extract<SimCardRequest, { cardType: unknown } | { damaged: unknown }>): Promise<void>;
  /** SAM fault injection; null clears (simulation only) */
  simIdReaderFault(fault: SimIdReaderFaultRequest['fault']): Promise<void>;
  simRemoveCard(): Promise<void>;
  simScan(data: string): Promise<void>;
  simPrinterState(printer: 'a4-printer' | 'receipt-printer', state: PrinterCondition): Promise<void>;
  /** the slips the simulated receipt printer printed, newest last (simulation only) */
  simReceipts(): Promise<SimReceiptsResponse>;
  simDevice(device: DeviceId, action: 'connect' | 'disconnect'): Promise<void>;
}

/**
 * Typed HTTP client for the device bridge. `baseUrl` is empty in production (same origin);
 * `fetchImpl` is injectable so tests need no network.
 */
export function createBridgeClient(baseUrl = '', fetchImpl: FetchLike = (input, init) => fetch(input, init)): BridgeClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, init);
    } catch (cause) {
      throw new BridgeError('unreachable', `bridge not reachable: ${String(cause)}`, 0);
    }
    if (response.status === 204) return undefined as T;
    const parsed = await readJson(response);
    if (!response.ok) throw bridgeErrorFromBody(response.status, parsed);
    if (parsed === undefined) throw new BridgeError('bad-response', `HTTP ${response.status} without JSON`, response.status);
    return parsed as T;
  }

  return {
    fetchHealth: () => request<HealthResponse>('GET', bridgePaths.health),
    async getSession() {
      try {
        return await request<SessionView>('GET', bridgePaths.session);
      } catch (error) {
        if (error instanceof BridgeError && error.code === 'no-session') return null;
        throw error;
      }
    },
    endSession: (reason) => request<void>('DELETE', bridgePaths.session, { reason }),
    listCertificates: () => request<CertificateTypeInfo[]>('GET', bridgePaths.certificates),
    previewCertificate: (type) => request<CertificatePreview>('POST', bridgePaths.certificatePreview, { type }),
    submitPrintJob: (type, copies = 1) => request<PrintJobView>('POST', bridgePaths.printJobs, { type, copies }),
    reprintJob: (id) => request<PrintJobView>('POST', bridgePaths.printJobReprint(id)),
    getPrintJob: (id) => request<PrintJobView>('GET', bridgePaths.printJob(id)),
    submitRating: (rating) => request<RatingResponse>('POST', bridgePaths.ratings, rating),
    searchCatalogue: (query) => request<CatalogueResponse>('GET', bridgePaths.catalogue + queryString(query)),
    getServiceItem: (code) => request<ServiceItem>('GET', bridgePaths.catalogueItem(code)),
    listRecords: () => request<RecordListResponse>('GET', bridgePaths.records),
    getRecord: (type) => request<RecordView>('GET', bridgePaths.record(type)),
    submitApplication: (application) => request<ApplicationReceipt>('POST', bridgePaths.applications, application),
    listApplications: () => request<ApplicationListResponse>('GET', bridgePaths.applications),
    listSlots: (query) => request<SlotListResponse>('GET', bridgePaths.appointmentSlots + queryString(query)),
    listAppointments: () => request<AppointmentListResponse>('GET', bridgePaths.appointments),
    bookAppointment: (booking) => request<AppointmentBooked>('POST', bridgePaths.appointments, booking),
    cancelAppointment: (id) => request<void>('DELETE', bridgePaths.appointment(id)),
    takeQueueNumber: (ticket) => request<QueueTicket>('POST', bridgePaths.queue, ticket),
    findAppointmentByCode: (appointmentId) => request<AppointmentCheckInView>('GET', bridgePaths.appointmentCheckIn(appointmentId)),
    checkInAppointment: (appointmentId) => request<QueueTicket>('POST', bridgePaths.appointmentCheckIn(appointmentId), {}),
    sendUiHeartbeat: () => request<void>('POST', bridgePaths.uiHeartbeat, {}),
    simFixtures: () => request<SimFixture[]>('GET', bridgePaths.simFixtures),
    simPlaceCard: (fixture) => request<void>('POST', bridgePaths.simCard, { fixture }),
    simTestCard: (card) => request<void>('POST', bridgePaths.simCard, card),
    simIdReaderFault: (fault) => request<void>('POST', bridgePaths.simIdReaderFault, { fault }),
    simRemoveCard: () => request<void>('DELETE', bridgePaths.simCard),
    simScan: (data) => request<void>('POST', bridgePaths.simScan, { data }),
    simPrinterState: (printer, state) => request<void>('POST', bridgePaths.simPrinterState(printer), { state }),
    simReceipts: () => request<SimReceiptsResponse>('GET', bridgePaths.simReceipts),
    simDevice: (device, action) => request<void>('POST', bridgePaths.simDevice(device, action)),
  };
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
