import type { CertificatePreview, PrintJobView, SessionView } from '@tongban/device-bridge/api';
import type { KioskStatus } from './session.types.ts';

// Deterministic data for the flow tests. Masked the way the bridge masks, like real traffic.

export const workingKiosk: KioskStatus = {
  capabilities: { identify: true, eIdLogin: false, printCertificate: true, printReceipt: true, scan: true },
  siteName: '测试政务服务中心',
  helpPhone: '0571-12345',
  idleTimeoutSeconds: 120,
  // short so generated paths stay few; the interpreted tests use the real default
  countdownSeconds: 2,
  documentCameraReady: true,
  platformReachable: true,
  services: [{ type: 'social-insurance-contribution', title: '社会保险参保缴费证明', serviceCode: '330000-SB-001' }],
};

export const kioskWithoutPrinter: KioskStatus = {
  ...workingKiosk,
  capabilities: { ...workingKiosk.capabilities, printCertificate: false },
};

export const kioskWithoutReader: KioskStatus = {
  ...workingKiosk,
  capabilities: { ...workingKiosk.capabilities, identify: false },
};

export const citizenSession: SessionView = {
  id: 'session-1',
  maskedName: '张*',
  maskedIdNumber: '110105********1234',
  salutation: 'male',
  elder: true,
  startedAt: '2025-01-01T09:00:00.000Z',
};

/** the same citizen under 60: the flow keeps its usual pace (no automatic care mode) */
export const citizenUnder60Session: SessionView = { ...citizenSession, elder: false };

export const otherCitizenSession: SessionView = {
  ...citizenSession,
  id: 'session-2',
  maskedName: '李*',
  salutation: 'female',
};

export const contributionPreview: CertificatePreview = {
  type: 'social-insurance-contribution',
  title: '社会保险参保缴费证明',
  holderMaskedName: '张*',
  maskedIdNumber: '110105********1234',
  issuer: '测试市社会保险事业管理中心',
  rows: [{ month: '2024-12', employer: '测试有限公司', baseFen: 800000, employerFen: 128000, personalFen: 64000, status: 'paid' }],
  fields: [{ label: '参保状态', value: '正常参保' }],
  table: { columns: ['月份', '缴费单位'], rows: [['2024-12', '测试有限公司']] },
  statement: '兹证明张*在本市参加社会保险。',
  pages: 1,
};

const baseJob: PrintJobView = {
  id: 'job-1',
  certificateType: 'social-insurance-contribution',
  certificateNumber: 'SB2025000001',
  state: 'queued',
  pages: 1,
  pagesPrinted: 0,
  copies: 1,
  acknowledged: false,
  createdAt: '2025-01-01T09:01:00.000Z',
  updatedAt: '2025-01-01T09:01:00.000Z',
};

export const jobIn = (state: PrintJobView['state'], extra: Partial<PrintJobView> = {}): PrintJobView => ({
  ...baseJob,
  state,
  ...(state === 'completed' ? { pagesPrinted: baseJob.pages } : {}),
  ...extra,
});
