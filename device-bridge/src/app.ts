import express, { type Express } from 'express';
import type { BridgeContext } from './context.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { hostAndOriginGuard, securityHeaders } from './http/guard.ts';
import { callStaffRoutes } from './routes/call-staff.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { technicianRoutes } from './routes/technician.ts';
import { printJobRoutes } from './routes/print-jobs.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { recordRoutes } from './routes/records.ts';
import { applicationRoutes } from './routes/applications.ts';
import { appointmentRoutes } from './routes/appointments.ts';
import { queueRoutes } from './routes/queue.ts';
import { appointmentCheckInRoutes } from './routes/appointment-check-in.ts';
import { sessionRoutes } from './routes/session.ts';
import { cameraRoutes } from './routes/camera.ts';
import { faceRoutes } from './routes/face.ts';
import { materialRoutes } from './routes/materials.ts';
import { simulationRoutes } from './routes/sim.ts';
import { uiRoutes } from './routes/ui.ts';

/** The Express app: guard first, then the API, then the UI, then JSON errors. */
export function createApp(context: BridgeContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(hostAndOriginGuard(context.config.server.port, context.logger));
  app.use(securityHeaders);
  // Only JSON bodies are parsed: a form post (text/plain, urlencoded) from elsewhere never reaches a route.
  app.use('/api', express.json({ limit: '64kb', strict: true }));
  app.use(metricsRoutes(context.metrics));
  app.use(healthRoutes(context));
  app.use(eventRoutes(context));
  app.use(sessionRoutes(context));
  app.use(certificateRoutes(context));
  app.use(printJobRoutes(context));
  app.use(ratingRoutes(context));
  app.use(catalogueRoutes(context));
  app.use(recordRoutes(context));
  app.use(applicationRoutes(context));
  app.use(appointmentRoutes(context));
  app.use(queueRoutes(context));
  app.use(appointmentCheckInRoutes(context));
  app.use(callStaffRoutes(context));
  app.use(cameraRoutes(context));
  app.use(materialRoutes(context));
  app.use(faceRoutes(context));
  app.use(technicianRoutes(context, context.technician));
  if (context.simulation) app.use(simulationRoutes(context, context.simulation));
  app.use('/api', apiNotFound);
  app.use(uiRoutes(context.uiDir));
  app.use(errorHandler(context.logger));
  return app;
}
