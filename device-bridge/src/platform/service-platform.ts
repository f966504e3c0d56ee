import type {
  AppointmentCheckInView,
  AppointmentSlot,
  AppointmentView,
  ApplicationView,
  CatalogueQuery,
  QueueStatus,
  ServiceItem,
  ServiceItemSummary,
} from '../api/index.ts';
import type {
  Applicant,
  BookAppointment,
  PlatformTicket,
  SubmitApplication,
  SubmitApplicationResult,
  SubmitRating,
  TakeQueueNumber,
} from './contract.ts';

/**
 * The service half of the platform, as one kiosk sees it (the kiosk id is bound when the platform
 * is made). Refusals throw PlatformRejection; an unreachable platform throws PlatformUnavailable.
 */
export interface ServicePlatform {
  listServiceItems(query: CatalogueQuery): Promise<ServiceItemSummary[]>;
  getServiceItem(code: string): Promise<ServiceItem | null>;
  /** idempotent on idempotencyKey (per kiosk): the same key returns the first result */
  submitApplication(application: SubmitApplication): Promise<SubmitApplicationResult>;
  listApplications(applicant: Applicant): Promise<ApplicationView[]>;
  /** idempotent on idempotencyKey (per kiosk) */
  submitRating(rating: SubmitRating): Promise<{ ratingId: string }>;
  listSlots(itemCode: string, date: string | undefined): Promise<AppointmentSlot[]>;
  bookAppointment(booking: BookAppointment): Promise<AppointmentView>;
  cancelAppointment(applicant: Applicant, id: string): Promise<void>;
  listAppointments(applicant: Applicant): Promise<AppointmentView[]>;
  takeQueueNumber(request: TakeQueueNumber): Promise<PlatformTicket>;
  queueStatus(number: string): Promise<QueueStatus | null>;
  /** 预约签到: an appointment by its id (the code the citizen scans), with its check-in state; null when unknown */
  findAppointment(id: string): Promise<AppointmentCheckInView | null>;
  /** 预约签到: checks the appointment in and gives its queue number (409 appointment-not-today/too-early/too-late/checked-in) */
  checkInAppointment(id: string): Promise<PlatformTicket>;
}
