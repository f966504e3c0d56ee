import type {
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
}
