/**
 * Every HTTP route of the bridge, in one place, so the UI client and tests use the same paths.
 *
 * GET    /api/health                      → HealthResponse
 * GET    /api/events                      → SSE of KioskEvent
 * GET    /api/session                     → SessionView | 404 no-session
 * DELETE /api/session   EndSessionRequest → 204 (wipes the session)
 * GET    /api/certificates                → CertificateTypeInfo[]
 * POST   /api/certificates/preview  CertificateRequest → CertificatePreview (needs a session)
 * POST   /api/print-jobs            PrintRequest {type, copies 1–3} → 202 PrintJobView (stored before the reply)
 * GET    /api/print-jobs/:id              → PrintJobView
 * POST   /api/print-jobs/:id/reprint      → 202 PrintJobView (a failed job, once, same session)
 * POST   /api/ratings               RatingRequest → 201 RatingResponse (stored before the reply)
 * POST   /api/call-staff            CallStaffRequest → 201 CallStaffResponse (event staff-called)
 * Platform (see /api contract files catalogue/records/applications/appointments/queue):
 * GET    /api/catalogue?q=&category=      → CatalogueResponse (no session)
 * GET    /api/catalogue/:code             → ServiceItem | 404 item-not-found (no session)
 * GET    /api/records                     → RecordListResponse (session)
 * GET    /api/records/:type               → RecordView | 404 record-not-found (session)
 * POST   /api/applications   ApplicationSubmit → 201 ApplicationReceipt (session; stored before the reply)
 * GET    /api/applications                → ApplicationListResponse (session)
 * GET    /api/appointments/slots?itemCode=&date= → SlotListResponse (no session)
 * GET    /api/appointments                → AppointmentListResponse (session)
 * POST   /api/appointments   AppointmentBook → 201 AppointmentBooked (session; the slip is printed)
 * DELETE /api/appointments/:id            → 204 (session, own only)
 * POST   /api/queue          QueueTake → 201 QueueTicket (session)
 * GET    /api/queue/:number               → QueueStatus
 * GET    /api/appointment-check-in/:id    → AppointmentCheckInView (no session; the scanned code is the credential)
 * POST   /api/appointment-check-in/:id    → 201 QueueTicket (no session; 409 appointment-not-today/-too-early/-too-late/-checked-in)
 * Cameras, document capture, face check (session needed; see api/camera.ts, api/face.ts):
 * GET    /api/camera/:cameraId/preview        → multipart/x-mixed-replace MJPEG (face camera: after consent)
 * POST   /api/materials/captures   StartMaterialCapture → 201 MaterialCaptureView
 * GET    /api/materials/captures              → MaterialCaptureList
 * DELETE /api/materials/captures/:id          → 204
 * POST   /api/materials/captures/:id/pages    → 201 MaterialCaptureView (a still, cropped, ≤ 500 KB)
 * PUT    /api/materials/captures/:id/pages/:i → MaterialCaptureView (retake);  DELETE → MaterialCaptureView
 * GET    /api/materials/captures/:id/pages/:i/image → image/jpeg
 * GET    /api/face/options                    → FaceOptions
 * POST   /api/face/consent   FaceConsentRequest → 204
 * GET    /api/face/guidance                   → FaceGuidance
 * POST   /api/face/verify                     → FaceVerifyResult
 * POST   /api/face/staff-confirm StaffConfirmRequest → VerifiedResponse | 403 staff-code-invalid
 * POST   /api/sim/camera/:cameraId/scene  SimCameraScene → 204 (simulation only)
 * Simulation only (404 otherwise):
 * GET    /api/sim/fixtures                → SimFixture[]
 * POST   /api/sim/id-reader/card    SimCardRequest → 204;  DELETE removes the card
 * POST   /api/sim/id-reader/fault   SimIdReaderFaultRequest → 204 (SAM fault injection; null clears)
 * POST   /api/sim/scanner/scan      SimScanRequest → 204
 * POST   /api/sim/:printerId/state  SimPrinterStateRequest → 204 (a4-printer | receipt-printer)
 * POST   /api/sim/devices/:deviceId/disconnect | /connect → 204
 */
export const apiPaths = {
  health: '/api/health',
  events: '/api/events',
  session: '/api/session',
  certificates: '/api/certificates',
  certificatePreview: '/api/certificates/preview',
  printJobs: '/api/print-jobs',
  printJob: (id: string) => `/api/print-jobs/${encodeURIComponent(id)}`,
  printJobReprint: (id: string) => `/api/print-jobs/${encodeURIComponent(id)}/reprint`,
  simReceipts: '/api/sim/receipt-printer/receipts',
  ratings: '/api/ratings',
  callStaff: '/api/call-staff',
  catalogue: '/api/catalogue',
  catalogueItem: (code: string) => `/api/catalogue/${encodeURIComponent(code)}`,
  records: '/api/records',
  record: (type: string) => `/api/records/${encodeURIComponent(type)}`,
  applications: '/api/applications',
  appointmentSlots: '/api/appointments/slots',
  appointments: '/api/appointments',
  appointment: (id: string) => `/api/appointments/${encodeURIComponent(id)}`,
  queue: '/api/queue',
  /** 预约签到: GET the scanned appointment, POST takes its queue number (no session) */
  appointmentCheckIn: (id: string) => `/api/appointment-check-in/${encodeURIComponent(id)}`,
  queueTicket: (number: string) => `/api/queue/${encodeURIComponent(number)}`,
  // cameras, document capture and face check (all need a session)
  cameraPreview: (cameraId: 'camera' | 'document-camera') => `/api/camera/${cameraId}/preview`,
  materialCaptures: '/api/materials/captures',
  materialCapture: (captureId: string) => `/api/materials/captures/${encodeURIComponent(captureId)}`,
  materialPages: (captureId: string) => `/api/materials/captures/${encodeURIComponent(captureId)}/pages`,
  materialPage: (captureId: string, index: number) => `/api/materials/captures/${encodeURIComponent(captureId)}/pages/${index}`,
  materialPageImage: (captureId: string, index: number) => `/api/materials/captures/${encodeURIComponent(captureId)}/pages/${index}/image`,
  faceOptions: '/api/face/options',
  faceConsent: '/api/face/consent',
  faceGuidance: '/api/face/guidance',
  faceVerify: '/api/face/verify',
  faceStaffConfirm: '/api/face/staff-confirm',
  simCameraScene: (cameraId: 'camera' | 'document-camera') => `/api/sim/camera/${cameraId}/scene`,
  simFixtures: '/api/sim/fixtures',
  simCard: '/api/sim/id-reader/card',
  simIdReaderFault: '/api/sim/id-reader/fault',
  simScan: '/api/sim/scanner/scan',
  simPrinterState: (printerId: 'a4-printer' | 'receipt-printer') => `/api/sim/${printerId}/state`,
  simDevice: (deviceId: string, action: 'connect' | 'disconnect') => `/api/sim/devices/${encodeURIComponent(deviceId)}/${action}`,
  // monitoring + technician mode (shapes in api/technician.ts)
  uiHeartbeat: '/api/ui-heartbeat',
  technicianStatus: '/api/technician/status',
  technicianLogin: '/api/technician/login',
  technicianLogout: '/api/technician/logout',
  technicianDevices: '/api/technician/devices',
  technicianSelfTest: (device: string) => `/api/technician/devices/${encodeURIComponent(device)}/self-test`,
  technicianPaperRefilled: (device: string) => `/api/technician/devices/${encodeURIComponent(device)}/paper-refilled`,
  technicianAudit: '/api/technician/audit',
  technicianLog: '/api/technician/log',
  technicianConfig: '/api/technician/config',
  technicianPorts: '/api/technician/ports',
  technicianConfigValidate: '/api/technician/config/validate',
  technicianDiagnosticBundle: '/api/technician/diagnostic-bundle',
  technicianDiagnosticBundleExport: '/api/technician/diagnostic-bundle/export',
  // failed print jobs nobody handled (technician session; api/technician.ts PrintProblemsResponse)
  technicianPrintProblems: '/api/technician/print-jobs/attention',
  technicianPrintProblemHandled: (id: string) => `/api/technician/print-jobs/${encodeURIComponent(id)}/acknowledge`,
} as const;
