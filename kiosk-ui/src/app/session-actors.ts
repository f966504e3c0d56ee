import { assign, fromCallback, fromPromise } from 'xstate';
import type { BridgeClient } from '../bridge/client.ts';
import { provideDocumentCapture, provideFaceCheck } from '../camera/camera-actors.ts';
import { applyMachine } from '../flows/apply.machine.ts';
import { guidesMachine } from '../flows/guides.machine.ts';
import { progressMachine } from '../flows/progress.machine.ts';
import { queueMachine } from '../flows/queue.machine.ts';
import { appointmentMachine } from '../flows/appointment.machine.ts';
import { checkInMachine } from '../flows/check-in.machine.ts';
import { recordsMachine } from '../flows/records.machine.ts';
import { printMachine, type PrintEvent } from '../flows/print.machine.ts';
import type {
  ApplicationSubmit,
  AppointmentBook,
  CatalogueQuery,
  CertificateType,
  QueueTake,
  RatingRequest,
  SlotQuery,
} from '@tongban/device-bridge/api';

/** How often a print job is re-read while printing, in case an SSE job event was missed on a reconnect. */
export const printJobPollMs = 3_000;

/** The real side effects of the session flow, backed by the bridge client. */
export function sessionActors(client: BridgeClient) {
  return {
    submitRating: fromPromise(({ input }: { input: RatingRequest }) => client.ratings({ body: input })),
    endSession: fromPromise(({ input }: { input: { reason: 'exit' | 'timeout' } }) =>
      client.endSession({ body: { reason: input.reason } }),
    ),
    print: printMachine.provide({
      actors: {
        loadPreview: fromPromise(({ input }: { input: { service: CertificateType } }) =>
          client.certificatePreview({ body: { type: input.service } }),
        ),
        submitPrint: fromPromise(({ input }: { input: { service: CertificateType; copies: number } }) =>
          client.printJobs({ body: { type: input.service, copies: input.copies } }),
        ),
        reprint: fromPromise(({ input }: { input: { jobId: string } }) => client.printJobReprint({ params: { id: input.jobId } })),
        watchPrintJob: fromCallback<PrintEvent, { jobId: string }>(({ input, sendBack }) => {
          const timer = setInterval(() => {
            client.printJob({ params: { id: input.jobId } }).then(
              (job) => sendBack({ type: 'JOB', job }),
              // a failed poll changes nothing: SSE events and the next poll still arrive
              () => undefined,
            );
          }, printJobPollMs);
          return () => clearInterval(timer);
        }),
      },
    }),
    records: recordsMachine.provide({
      actors: {
        listRecords: fromPromise(() => client.records()),
        loadRecord: fromPromise(({ input }: { input: { recordType: CertificateType } }) =>
          client.record({ params: { type: input.recordType } }),
        ),
      },
    }),
    apply: applyMachine.provide({
      actors: {
        searchCatalogue: fromPromise(({ input }: { input: CatalogueQuery }) => client.catalogue({ query: input })),
        loadItem: fromPromise(({ input }: { input: { code: string } }) => client.catalogueItem({ params: { code: input.code } })),
        submitApplication: fromPromise(({ input }: { input: ApplicationSubmit }) => client.submitApplication({ body: input })),
        documentCapture: provideDocumentCapture(client),
        faceCheck: provideFaceCheck(client),
      },
      actions: {
        // one key per attempt: a retry after a lost reply is recognised by the bridge, never doubled
        makeIdempotencyKey: assign({ idempotencyKey: () => crypto.randomUUID() }),
      },
    }),
    appointment: appointmentMachine.provide({
      actors: {
        searchCatalogue: fromPromise(({ input }: { input: CatalogueQuery }) => client.catalogue({ query: input })),
        listSlots: fromPromise(({ input }: { input: SlotQuery }) => client.appointmentSlots({ query: input })),
        book: fromPromise(({ input }: { input: AppointmentBook }) => client.bookAppointment({ body: input })),
        listAppointments: fromPromise(() => client.appointments()),
        cancelAppointment: fromPromise(({ input }: { input: { id: string } }) => client.appointment({ params: { id: input.id } })),
      },
    }),
    checkIn: checkInMachine.provide({
      actors: {
        findAppointment: fromPromise(({ input }: { input: { appointmentId: string } }) =>
          client.appointmentCheckIn({ params: { id: input.appointmentId } }),
        ),
        checkIn: fromPromise(({ input }: { input: { appointmentId: string } }) =>
          client.checkInAppointment({ params: { id: input.appointmentId } }),
        ),
      },
    }),
    queue: queueMachine.provide({
      actors: {
        searchCatalogue: fromPromise(({ input }: { input: CatalogueQuery }) => client.catalogue({ query: input })),
        takeNumber: fromPromise(({ input }: { input: QueueTake }) => client.queue({ body: input })),
      },
    }),
    progress: progressMachine.provide({
      actors: { listApplications: fromPromise(() => client.applications()) },
    }),
    guides: guidesMachine.provide({
      actors: {
        searchCatalogue: fromPromise(({ input }: { input: CatalogueQuery }) => client.catalogue({ query: input })),
        loadItem: fromPromise(({ input }: { input: { code: string } }) => client.catalogueItem({ params: { code: input.code } })),
      },
    }),
  };
}
