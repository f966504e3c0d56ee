import { z } from 'zod';
import {
  appointmentCheckInViewSchema,
  appointmentSlotSchema,
  appointmentViewSchema,
  certificateDataSchema,
  queueStatusSchema,
  serviceItemSchema,
  type CardIdentity,
  type CertificateDataOf,
  type CertificateType,
} from '../../api/index.ts';
import {
  applicationsSchema,
  appointmentsSchema,
  catalogueListSchema,
  certificateTypesSchema,
  platformErrorCodes,
  platformTicketSchema,
  PlatformRejection,
  PlatformUnavailable,
  slotsSchema,
  submitApplicationResultSchema,
  submitRatingResultSchema,
  type PlatformErrorCode,
} from '../contract.ts';
import type { IssuedCertificate, Platform } from '../platform.ts';
import { issuedCertificateSchema } from './issued-certificate.ts';

export interface HttpPlatformOptions {
  baseUrl: string;
  kioskId: string;
  timeoutMs: number;
  /** extra attempts for GETs only; POSTs are never repeated here (the outbox repeats them with their key) */
  readRetries: number;
  /** bearer token the platform server knows this kiosk by (see platform-server/enroll.ts) */
  token?: string;
  fetch?: typeof fetch;
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * The kiosk's adapter to a platform that speaks config/platform-openapi.json (the standalone server,
 * or a provincial platform behind a gateway). Every reply is validated against the contract:
 * a malformed reply is PlatformUnavailable (retry later), a 4xx is PlatformRejection (do not
 * retry), a 5xx, timeout or refused connection is PlatformUnavailable.
 */
export function createHttpPlatform(options: HttpPlatformOptions): Platform {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    body?: unknown,
    extra: { idempotencyKey?: string; notFoundIsNull?: boolean } = {},
  ): Promise<z.infer<T> | null> {
    const attempts = method === 'GET' ? 1 + options.readRetries : 1;
    let lastError: PlatformUnavailable = new PlatformUnavailable('no attempt made');
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await once(method, path, schema, body, extra);
      } catch (error) {
        if (!(error instanceof PlatformUnavailable)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  async function once<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    body: unknown,
    extra: { idempotencyKey?: string; notFoundIsNull?: boolean },
  ): Promise<z.infer<T> | null> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-kiosk-id': options.kioskId };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (extra.idempotencyKey) headers['idempotency-key'] = extra.idempotencyKey;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new PlatformUnavailable(`no answer within ${options.timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new PlatformUnavailable(`cannot connect${cause ? ` (${cause})` : ''}`);
    }
    if (response.status >= 500) throw new PlatformUnavailable(`platform answered ${response.status}`);
    if (response.status === 204) return null;
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new PlatformUnavailable(`platform answered ${response.status} with malformed JSON`);
    }
    if (response.status >= 400) {
      const parsed = errorBody.safeParse(json);
      const code =
        parsed.success && (platformErrorCodes as readonly string[]).includes(parsed.data.error.code)
          ? (parsed.data.error.code as PlatformErrorCode)
          : 'bad-request';
      if (
        response.status === 404 &&
        extra.notFoundIsNull &&
        (code === 'not-found' || code === 'item-not-found' || code === 'ticket-not-found' || code === 'appointment-not-found')
      )
        return null;
      // 408 and 429 are the platform asking to come back later, not a refusal
      if (response.status === 408 || response.status === 429) throw new PlatformUnavailable(`platform answered ${response.status}`);
      // a credentials problem is the kiosk's setup, not the application's fault: keep it and retry once fixed
      if (response.status === 401 || response.status === 403) {
        throw new PlatformUnavailable(`platform refused this kiosk's credentials (${response.status}); enrol the kiosk`);
      }
      throw new PlatformRejection(
        code,
        parsed.success ? parsed.data.error.message : `platform answered ${response.status}`,
        response.status,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PlatformUnavailable(`platform reply to ${method} ${path} does not match the contract`);
    return parsed.data;
  }

  const required = <T>(value: T | null, what: string): T => {
    if (value === null) throw new PlatformUnavailable(`platform sent no body for ${what}`);
    return value;
  };

  return {
    async listCertificateTypes() {
      return required(await call('GET', '/v1/certificate-types', certificateTypesSchema), 'certificate types').types;
    },
    async getCertificateData<T extends CertificateType>(type: T, identity: CardIdentity): Promise<CertificateDataOf<T> | null> {
      const data = await call('POST', '/v1/certificates/data', certificateDataSchema, { type, identity }, { notFoundIsNull: true });
      if (data === null) return null;
      if (data.type !== type) throw new PlatformUnavailable(`platform sent ${data.type} data when ${type} was asked for`);
      return data as CertificateDataOf<T>;
    },
    async recordIssuedCertificate(certificate: IssuedCertificate) {
      await call('POST', '/v1/certificates/issued', z.null(), certificate, { idempotencyKey: `certificate-${certificate.number}` });
    },
    async verifyCertificate(number: string, verificationCode: string) {
      return call('POST', '/v1/certificates/verify', issuedCertificateSchema, { number, verificationCode }, { notFoundIsNull: true });
    },
    async listServiceItems(query) {
      const search = new URLSearchParams();
      if (query.q) search.set('q', query.q);
      if (query.category) search.set('category', query.category);
      const suffix = search.size > 0 ? `?${search.toString()}` : '';
      return required(await call('GET', `/v1/catalogue${suffix}`, catalogueListSchema), 'catalogue').items;
    },
    async getServiceItem(code: string) {
      return call('GET', `/v1/catalogue/${encodeURIComponent(code)}`, serviceItemSchema, undefined, { notFoundIsNull: true });
    },
    async submitApplication(application) {
      return required(
        await call('POST', '/v1/applications', submitApplicationResultSchema, application, { idempotencyKey: application.idempotencyKey }),
        'application',
      );
    },
    async listApplications(applicant) {
      return required(await call('POST', '/v1/applications/query', applicationsSchema, { applicant }), 'applications').applications;
    },
    async submitRating(rating) {
      return required(
        await call('POST', '/v1/ratings', submitRatingResultSchema, rating, { idempotencyKey: rating.idempotencyKey }),
        'rating',
      );
    },
    async listSlots(itemCode, date) {
      const search = new URLSearchParams({ itemCode, ...(date ? { date } : {}) });
      return required(await call('GET', `/v1/appointments/slots?${search.toString()}`, slotsSchema), 'slots').slots.map((slot) =>
        appointmentSlotSchema.parse(slot),
      );
    },
    async bookAppointment(booking) {
      return required(await call('POST', '/v1/appointments', appointmentViewSchema, booking), 'appointment');
    },
    async cancelAppointment(applicant, id) {
      await call('POST', `/v1/appointments/${encodeURIComponent(id)}/cancel`, z.null(), { applicant });
    },
    async findAppointment(id) {
      return call('GET', `/v1/appointments/${encodeURIComponent(id)}`, appointmentCheckInViewSchema, undefined, { notFoundIsNull: true });
    },
    async checkInAppointment(id) {
      return required(await call('POST', `/v1/appointments/${encodeURIComponent(id)}/check-in`, platformTicketSchema, {}), 'ticket');
    },
    async listAppointments(applicant) {
      return required(await call('POST', '/v1/appointments/query', appointmentsSchema, { applicant }), 'appointments').appointments;
    },
    async takeQueueNumber(request) {
      return required(await call('POST', '/v1/queue', platformTicketSchema, request), 'queue ticket');
    },
    async queueStatus(number: string) {
      return call('GET', `/v1/queue/${encodeURIComponent(number)}`, queueStatusSchema, undefined, { notFoundIsNull: true });
    },
    close() {},
  };
}
