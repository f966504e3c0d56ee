import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { cardIdentitySchema, catalogueQuerySchema, certificateTypeSchema, slotQuerySchema } from '../api/index.ts';
import {
  applicantSchema,
  bookAppointmentSchema,
  cancelAppointmentSchema,
  PlatformRejection,
  submitApplicationSchema,
  submitRatingSchema,
  takeQueueNumberSchema,
  type PlatformErrorCode,
} from '../platform/contract.ts';
import type { EmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { issuedCertificateSchema } from '../platform/http/issued-certificate.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import { formatChinaDate } from '../platform/china-time.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import type { QrKeyring } from './keyring.ts';
import type { KioskAuthenticator } from './kiosk-tokens.ts';
import { verificationPage } from './verification-page.ts';

class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: PlatformErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ServerError(
    400,
    'bad-request',
    result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
  );
}

const kioskIdPattern = /^[A-Za-z0-9-]{1,32}$/;

export interface PlatformServerOptions {
  platform: EmbeddedPlatform;
  /** Ed25519 public keys of the kiosks whose QR signatures the verification page checks */
  keyring: QrKeyring;
  /** the operator's phone shown on the verification page */
  helpPhone: string;
  clock?: Clock;
  /** enrolled kiosks and their token hashes; absent = any kiosk id is accepted, but none may record issued certificates */
  kiosks?: KioskAuthenticator;
  /** the origin the QR codes name (e.g. https://verify.example.gov.cn), when a proxy sits in front; else the request's own */
  publicOrigin?: string;
}

/**
 * The standalone platform server (`npm run platform`): the embedded platform as an HTTP service
 * speaking config/platform-openapi.json, shared by several kiosks (each names itself in X-Kiosk-Id;
 * idempotency keys and deliveries are per kiosk), plus the certificate verification page.
 */
export function createPlatformServerApp(options: PlatformServerOptions): Express {
  const { platform } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // materials travel base64 inside an application: allow a few scanned pages
  app.use('/v1', express.json({ limit: '25mb', strict: true }));

  const kiosk = (request: Request): ServicePlatform => {
    const id = request.get('x-kiosk-id') ?? '';
    if (!kioskIdPattern.test(id))
      throw new ServerError(400, 'unknown-kiosk', 'X-Kiosk-Id header missing or not letters, digits and dashes');
    if (options.kiosks && !options.kiosks.check(id, request.get('authorization'))) {
      throw new ServerError(401, 'unknown-kiosk', `kiosk ${id} is not enrolled or its token is wrong`);
    }
    return platform.services.forKiosk(id);
  };
  const kioskId = (request: Request) => {
    kiosk(request);
    return request.get('x-kiosk-id')!;
  };
  const idempotent = (request: Request, bodyKey: string) => {
    const header = request.get('idempotency-key');
    if (!header) throw new ServerError(400, 'bad-request', 'Idempotency-Key header is required');
    if (header !== bodyKey) throw new ServerError(400, 'bad-request', 'Idempotency-Key header and body idempotencyKey differ');
  };
  const route =
    (handler: (request: Request, response: Response) => Promise<void>) => (request: Request, response: Response, next: NextFunction) =>
      handler(request, response).catch(next);

  app.get('/v1/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get(
    '/v1/certificate-types',
    route(async (_request, response) => {
      response.json({ types: await platform.listCertificateTypes() });
    }),
  );
  app.post(
    '/v1/certificates/data',
    route(async (request, response) => {
      kiosk(request);
      const { type, identity } = parse(z.object({ type: certificateTypeSchema, identity: cardIdentitySchema }), request.body);
      const data = await platform.getCertificateData(type, identity);
      if (!data) throw new ServerError(404, 'not-found', 'no record of this person for this certificate');
      response.json(data);
    }),
  );
  app.post(
    '/v1/certificates/issued',
    route(async (request, response) => {
      // what /verify then calls genuine: only an enrolled kiosk may add to it, even on an open demo server
      const id = request.get('x-kiosk-id') ?? '';
      if (!kioskIdPattern.test(id))
        throw new ServerError(400, 'unknown-kiosk', 'X-Kiosk-Id header missing or not letters, digits and dashes');
      if (!options.kiosks?.enrolled(id, request.get('authorization'))) {
        throw new ServerError(
          401,
          'unknown-kiosk',
          `kiosk ${id} is not enrolled (kiosk-tokens.json) or its token is wrong: only an enrolled kiosk records issued certificates`,
        );
      }
      await platform.recordIssuedCertificate(parse(issuedCertificateSchema, request.body));
      response.status(204).end();
    }),
  );
  app.post(
    '/v1/certificates/verify',
    route(async (request, response) => {
      const { number, verificationCode } = parse(
        z.object({ number: z.string().max(64), verificationCode: z.string().max(64) }),
        request.body,
      );
      const issued = await platform.verifyCertificate(number, verificationCode);
      if (!issued) throw new ServerError(404, 'not-found', 'no certificate with this number and code');
      response.json(issued);
    }),
  );

  app.get(
    '/v1/catalogue',
    route(async (request, response) => {
      const query = parse(catalogueQuerySchema, {
        q: typeof request.query.q === 'string' ? request.query.q : undefined,
        category: typeof request.query.category === 'string' ? request.query.category : undefined,
      });
      response.json({ items: await kiosk(request).listServiceItems(query) });
    }),
  );
  app.get(
    '/v1/catalogue/:code',
    route(async (request, response) => {
      const item = await kiosk(request).getServiceItem(String(request.params.code));
      if (!item) throw new ServerError(404, 'item-not-found', `no service item ${String(request.params.code)}`);
      response.json(item);
    }),
  );

  app.post(
    '/v1/applications',
    route(async (request, response) => {
      const body = parse(submitApplicationSchema, request.body);
      idempotent(request, body.idempotencyKey);
      const before = platform.services.applicationCount(kioskId(request));
      const result = await kiosk(request).submitApplication(body);
      const created = platform.services.applicationCount(kioskId(request)) > before;
      response.status(created ? 201 : 200).json(result);
    }),
  );
  app.post(
    '/v1/applications/query',
    route(async (request, response) => {
      const { applicant } = parse(z.object({ applicant: applicantSchema }), request.body);
      response.json({ applications: await kiosk(request).listApplications(applicant) });
    }),
  );
  app.get(
    '/v1/kiosk/deliveries',
    route(async (request, response) => {
      response.json({ deliveries: platform.services.deliveries(kioskId(request)) });
    }),
  );
  app.post(
    '/v1/ratings',
    route(async (request, response) => {
      const body = parse(submitRatingSchema, request.body);
      idempotent(request, body.idempotencyKey);
      response.status(201).json(await kiosk(request).submitRating(body));
    }),
  );

  app.get(
    '/v1/appointments/slots',
    route(async (request, response) => {
      const query = parse(slotQuerySchema, {
        itemCode: request.query.itemCode,
        date: typeof request.query.date === 'string' ? request.query.date : undefined,
      });
      response.json({ slots: await kiosk(request).listSlots(query.itemCode, query.date) });
    }),
  );
  app.post(
    '/v1/appointments',
    route(async (request, response) => {
      response.status(201).json(await kiosk(request).bookAppointment(parse(bookAppointmentSchema, request.body)));
    }),
  );
  app.post(
    '/v1/appointments/query',
    route(async (request, response) => {
      const { applicant } = parse(z.object({ applicant: applicantSchema }), request.body);
      response.json({ appointments: await kiosk(request).listAppointments(applicant) });
    }),
  );
  app.get(
    '/v1/appointments/:id',
    route(async (request, response) => {
      const found = await kiosk(request).findAppointment(String(request.params.id));
      if (!found) throw new ServerError(404, 'appointment-not-found', 'no appointment with this code');
      response.json(found);
    }),
  );
  app.post(
    '/v1/appointments/:id/check-in',
    route(async (request, response) => {
      response.status(201).json(await kiosk(request).checkInAppointment(String(request.params.id)));
    }),
  );
  app.post(
    '/v1/appointments/:id/cancel',
    route(async (request, response) => {
      const { applicant } = parse(cancelAppointmentSchema, request.body);
      await kiosk(request).cancelAppointment(applicant, String(request.params.id));
      response.status(204).end();
    }),
  );
  app.post(
    '/v1/queue',
    route(async (request, response) => {
      response.status(201).json(await kiosk(request).takeQueueNumber(parse(takeQueueNumberSchema, request.body)));
    }),
  );
  app.get(
    '/v1/queue/:number',
    route(async (request, response) => {
      const status = await kiosk(request).queueStatus(String(request.params.number));
      if (!status) throw new ServerError(404, 'ticket-not-found', 'no such ticket today');
      response.json(status);
    }),
  );

  app.get(
    '/verify',
    route(async (request, response) => {
      // the QR signature covers the whole URL the kiosk printed: rebuild it as the phone opened it
      const origin = options.publicOrigin ?? `${request.protocol}://${request.get('host') ?? ''}`;
      const today = formatChinaDate((options.clock ?? systemClock).now());
      const page = await verificationPage(
        platform,
        options.keyring,
        `${origin}${request.originalUrl}`,
        request.query,
        options.helpPhone,
        today,
      );
      response.set('Cache-Control', 'no-store');
      response.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
      response.type('html').send(page);
    }),
  );

  app.use('/v1', (_request, _response, next) => next(new ServerError(404, 'not-found', 'no such endpoint')));
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    void next;
    if (error instanceof ServerError) {
      response.status(error.status).json({ error: { code: error.code, message: error.message } });
    } else if (error instanceof PlatformRejection) {
      response.status(error.status).json({ error: { code: error.code, message: error.message } });
    } else if ((error as { type?: string }).type === 'entity.parse.failed') {
      response.status(400).json({ error: { code: 'bad-request', message: 'body is not valid JSON' } });
    } else if ((error as { type?: string }).type === 'entity.too.large') {
      response.status(413).json({ error: { code: 'bad-request', message: 'body too large' } });
    } else {
      response.status(500).json({ error: { code: 'internal', message: 'internal error' } });
    }
  });
  return app;
}
