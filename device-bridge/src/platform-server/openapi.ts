import { z } from 'zod';
import {
  cardIdentitySchema,
  catalogueQuerySchema,
  certificateDataSchema,
  certificateTypeSchema,
  queueStatusSchema,
  serviceItemSchema,
} from '../api/index.ts';
import {
  applicantSchema,
  applicationsSchema,
  appointmentsSchema,
  appointmentViewSchema,
  appointmentCheckInViewSchema,
  bookAppointmentSchema,
  cancelAppointmentSchema,
  catalogueListSchema,
  certificateTypesSchema,
  kioskDeliveriesSchema,
  platformErrorSchema,
  platformTicketSchema,
  slotsSchema,
  submitApplicationResultSchema,
  submitApplicationSchema,
  submitRatingResultSchema,
  submitRatingSchema,
  takeQueueNumberSchema,
} from '../platform/contract.ts';
import { issuedCertificateSchema } from '../platform/http/issued-certificate.ts';

type Schema = z.ZodType;

/** Named schemas go once into components and are referenced; others are inlined where used. */
const named = new Map<Schema, string>([
  [platformErrorSchema, 'Error'],
  [certificateTypesSchema, 'CertificateTypes'],
  [certificateDataSchema, 'CertificateData'],
  [issuedCertificateSchema, 'IssuedCertificate'],
  [catalogueListSchema, 'Catalogue'],
  [serviceItemSchema, 'ServiceItem'],
  [submitApplicationSchema, 'SubmitApplication'],
  [submitApplicationResultSchema, 'SubmitApplicationResult'],
  [applicationsSchema, 'Applications'],
  [kioskDeliveriesSchema, 'KioskDeliveries'],
  [submitRatingSchema, 'SubmitRating'],
  [submitRatingResultSchema, 'SubmitRatingResult'],
  [slotsSchema, 'Slots'],
  [bookAppointmentSchema, 'BookAppointment'],
  [appointmentViewSchema, 'Appointment'],
  [appointmentCheckInViewSchema, 'AppointmentCheckIn'],
  [appointmentsSchema, 'Appointments'],
  [cancelAppointmentSchema, 'CancelAppointment'],
  [takeQueueNumberSchema, 'TakeQueueNumber'],
  [platformTicketSchema, 'QueueTicket'],
  [queueStatusSchema, 'QueueStatus'],
]);
const toJson = (schema: Schema) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const json = (schema: Schema) => {
  const name = named.get(schema);
  return { 'application/json': { schema: name ? { $ref: `#/components/schemas/${name}` } : toJson(schema) } };
};
const errors = {
  '400': { description: 'the request is not valid (code bad-request, unknown-kiosk)', content: json(platformErrorSchema) },
  '401': {
    description:
      "unknown-kiosk: not enrolled, or the bearer token is not this kiosk's (when the server has kiosk-tokens.json; always for /v1/certificates/issued)",
    content: json(platformErrorSchema),
  },
  '404': { description: 'not found', content: json(platformErrorSchema) },
  '409': { description: 'refused (slot-full, queue-ticket-exists, item-not-applicable)', content: json(platformErrorSchema) },
  '422': { description: 'idempotency-conflict: the key was used with another body', content: json(platformErrorSchema) },
  '5XX': {
    description: 'the platform failed; the kiosk retries later (writes with the same Idempotency-Key)',
    content: json(platformErrorSchema),
  },
};
const kioskHeader = {
  name: 'X-Kiosk-Id',
  in: 'header',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$' },
  description: 'the calling kiosk; idempotency keys and deliveries are per kiosk',
};
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'draft-ietf-httpapi-idempotency-key-header: equal to the body idempotencyKey; a repeat returns the first result',
};

function op(
  summary: string,
  options: { body?: Schema; reply?: Schema; status?: string; query?: Schema; path?: string[]; idempotent?: boolean; kiosk?: boolean },
) {
  const parameters: unknown[] = [];
  if (options.kiosk !== false) parameters.push(kioskHeader);
  if (options.idempotent) parameters.push(idempotencyHeader);
  for (const name of options.path ?? []) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  if (options.query) {
    const schema = z.toJSONSchema(options.query, { io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  const status = options.status ?? '200';
  return {
    summary,
    parameters,
    ...(options.body ? { requestBody: { required: true, content: json(options.body) } } : {}),
    responses: {
      [status]: options.reply ? { description: 'OK', content: json(options.reply) } : { description: 'done, no body' },
      ...(options.idempotent
        ? { '200': { description: 'a repeat of an already accepted key: the first result', content: json(options.reply!) } }
        : {}),
      ...errors,
    },
  };
}

/** The platform contract as OpenAPI 3.1, generated from the same zod schemas the server and adapter use. */
export function platformOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tongban platform API (一体化政务服务平台 for kiosks)',
      version: '1.0.0',
      description:
        'What a Tongban kiosk needs from the government service platform. `npm run platform` serves it; the kiosk HTTP adapter speaks exactly it. Personal data travels in POST bodies only.',
    },
    servers: [{ url: 'http://127.0.0.1:8090' }],
    components: {
      schemas: Object.fromEntries([...named].map(([schema, name]) => [name, toJson(schema)])),
      securitySchemes: {
        kioskToken: {
          type: 'http',
          scheme: 'bearer',
          description: "the kiosk's token (secrets/platform-token.key), enrolled by hash with platform-server/enroll.ts",
        },
      },
    },
    // enforced once the server has enrolled kiosks; a loopback demo server without kiosk-tokens.json accepts any kiosk id
    // (except for recording issued certificates), and refuses to start on another address unless PLATFORM_OPEN=1
    security: [{ kioskToken: [] }, {}],
    paths: {
      '/v1/health': { get: op('liveness', { reply: z.object({ status: z.literal('ok') }), kiosk: false }) },
      '/v1/certificate-types': { get: op('certificate types the platform issues', { reply: certificateTypesSchema, kiosk: false }) },
      '/v1/certificates/data': {
        post: op('the record behind a certificate (404 when none)', {
          body: z.object({ type: certificateTypeSchema, identity: cardIdentitySchema }),
          reply: certificateDataSchema,
        }),
      },
      '/v1/certificates/issued': {
        post: op(
          'record an issued certificate (masked data only; repeatable). Only an enrolled kiosk with its bearer token, even on a server without kiosk-tokens.json (401 otherwise)',
          { body: issuedCertificateSchema, status: '204' },
        ),
      },
      '/v1/certificates/verify': {
        post: op('check number + verification code (404 when no match)', {
          body: z.object({ number: z.string(), verificationCode: z.string() }),
          reply: issuedCertificateSchema,
          kiosk: false,
        }),
      },
      '/v1/catalogue': {
        get: op('service items, by name / pinyin initials / category', { query: catalogueQuerySchema, reply: catalogueListSchema }),
      },
      '/v1/catalogue/{code}': { get: op('one service item with its 办事指南', { path: ['code'], reply: serviceItemSchema }) },
      '/v1/applications': {
        post: op('submit an application (201 new, 200 repeat of the same key)', {
          body: submitApplicationSchema,
          reply: submitApplicationResultSchema,
          status: '201',
          idempotent: true,
        }),
      },
      '/v1/applications/query': {
        post: op("an applicant's applications with their timelines", {
          body: z.object({ applicant: applicantSchema }),
          reply: applicationsSchema,
        }),
      },
      '/v1/kiosk/deliveries': { get: op("the calling kiosk's delivered applications (its own only)", { reply: kioskDeliveriesSchema }) },
      '/v1/ratings': {
        post: op('好差评 (channel: self-service kiosk + X-Kiosk-Id)', {
          body: submitRatingSchema,
          reply: submitRatingResultSchema,
          status: '201',
          idempotent: true,
        }),
      },
      '/v1/appointments/slots': {
        get: op('free slots per hall and window', {
          query: z.object({ itemCode: z.string(), date: z.string().optional() }),
          reply: slotsSchema,
        }),
      },
      '/v1/appointments': {
        post: op('book a slot (409 slot-full)', { body: bookAppointmentSchema, reply: appointmentViewSchema, status: '201' }),
      },
      '/v1/appointments/query': {
        post: op("an applicant's appointments", { body: z.object({ applicant: applicantSchema }), reply: appointmentsSchema }),
      },
      '/v1/appointments/{id}': {
        get: op('预约签到: one appointment by the code the citizen scans, with its check-in state (404 appointment-not-found)', {
          path: ['id'],
          reply: appointmentCheckInViewSchema,
        }),
      },
      '/v1/appointments/{id}/check-in': {
        post: op('预约签到: check in and take its queue number (409 appointment-not-today / -too-early / -too-late / -checked-in)', {
          path: ['id'],
          reply: platformTicketSchema,
          status: '201',
        }),
      },
      '/v1/appointments/{id}/cancel': {
        post: op('cancel my own booked appointment', { path: ['id'], body: cancelAppointmentSchema, status: '204' }),
      },
      '/v1/queue': {
        post: op('take a queue number (409 queue-ticket-exists)', {
          body: takeQueueNumberSchema,
          reply: platformTicketSchema,
          status: '201',
        }),
      },
      '/v1/queue/{number}': { get: op("a ticket's place in line today", { path: ['number'], reply: queueStatusSchema }) },
      '/verify': {
        get: {
          summary: 'the certificate verification page (HTML) a QR code opens: no, code, t, id, iss, exp, sig',
          parameters: ['no', 'code', 't', 'id', 'iss', 'exp', 'sig'].map((name) => ({
            name,
            in: 'query',
            required: false,
            schema: { type: 'string' },
          })),
          responses: {
            '200': {
              description: 'HTML page: genuine or not, issued when, for whom (masked)',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}
