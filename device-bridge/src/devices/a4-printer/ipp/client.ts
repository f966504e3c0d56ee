import {
  attributesOf,
  decodeIpp,
  encodeIpp,
  groupsOf,
  groupTags,
  ippOperations,
  isSuccess,
  valueTags,
  type IppAttribute,
  type IppMessage,
} from './codec.ts';
import { ippJobState, type IppJobState } from './job-state.ts';

export interface IppClientOptions {
  /** e.g. http://127.0.0.1:631 — the CUPS server (loopback on a kiosk) */
  server: string;
  queue: string;
  /** per request; a hung server must not hang the kiosk */
  timeoutMs: number;
}

export interface PrinterAttributes {
  /** 3 idle, 4 processing, 5 stopped (cupsdisable) */
  state: number;
  reasons: string[];
  acceptingJobs: boolean;
  /** CUPS's printer-error-policy: abort-job, retry-job, retry-current-job or stop-printer */
  errorPolicy: string | null;
}

export interface JobAttributes {
  id: number;
  name: string;
  state: IppJobState;
  reasons: string[];
  /** pages (impressions) the printer reports done; CUPS counts them only for some drivers */
  impressionsCompleted: number;
}

export class IppError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'IppError';
  }
}

const text = (values: unknown[] | undefined) => (values ?? []).filter((value): value is string => typeof value === 'string');

/** IPP over HTTP to one CUPS queue, with Node's fetch. */
export function createIppClient(options: IppClientOptions) {
  const endpoint = `${options.server.replace(/\/$/, '')}/printers/${encodeURIComponent(options.queue)}`;
  const printerUri = endpoint.replace(/^http/, 'ipp');
  let requestId = 0;

  function operationGroup(extra: IppAttribute[]): IppMessage['groups'][number] {
    return {
      tag: groupTags.operation,
      attributes: [
        { tag: valueTags.charset, name: 'attributes-charset', values: ['utf-8'] },
        { tag: valueTags.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
        { tag: valueTags.uri, name: 'printer-uri', values: [printerUri] },
        { tag: valueTags.name, name: 'requesting-user-name', values: ['tongban'] },
        ...extra,
      ],
    };
  }

  async function call(
    operation: number,
    attributes: IppAttribute[],
    data?: Buffer,
    jobAttributes: IppAttribute[] = [],
  ): Promise<IppMessage> {
    const groups = [operationGroup(attributes), ...(jobAttributes.length > 0 ? [{ tag: groupTags.job, attributes: jobAttributes }] : [])];
    const body = encodeIpp({ code: operation, requestId: ++requestId, groups, ...(data ? { data } : {}) });
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/ipp' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new IppError(-1, `CUPS answered HTTP ${response.status}`);
    const message = decodeIpp(Buffer.from(await response.arrayBuffer()));
    if (!isSuccess(message.code)) {
      const status = text(attributesOf(message, groupTags.operation).get('status-message'))[0] ?? '';
      throw new IppError(message.code, `CUPS refused the request: 0x${message.code.toString(16)} ${status}`);
    }
    return message;
  }

  function toJob(map: Map<string, unknown[]>): JobAttributes | null {
    const id = map.get('job-id')?.[0];
    const state = ippJobState(map.get('job-state')?.[0]);
    if (typeof id !== 'number' || state === null) return null;
    const impressions = map.get('job-impressions-completed')?.[0];
    return {
      id,
      name: text(map.get('job-name'))[0] ?? '',
      state,
      reasons: text(map.get('job-state-reasons')),
      impressionsCompleted: typeof impressions === 'number' ? impressions : 0,
    };
  }

  const jobAttributeNames = ['job-id', 'job-name', 'job-state', 'job-state-reasons', 'job-impressions-completed'];

  return {
    async printerAttributes(): Promise<PrinterAttributes> {
      const message = await call(ippOperations.getPrinterAttributes, [
        {
          tag: valueTags.keyword,
          name: 'requested-attributes',
          values: ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'printer-error-policy'],
        },
      ]);
      const printer = attributesOf(message, groupTags.printer);
      const state = printer.get('printer-state')?.[0];
      return {
        state: typeof state === 'number' ? state : 5,
        reasons: text(printer.get('printer-state-reasons')),
        acceptingJobs: printer.get('printer-is-accepting-jobs')?.[0] !== false,
        errorPolicy: text(printer.get('printer-error-policy'))[0] ?? null,
      };
    },

    /** Submits a PDF; the job name is the kiosk's job id (never personal data). Returns the CUPS job id. */
    async printJob(jobName: string, pdf: Buffer, copies = 1): Promise<number> {
      const message = await call(
        ippOperations.printJob,
        [
          { tag: valueTags.name, name: 'job-name', values: [jobName] },
          { tag: valueTags.mimeMediaType, name: 'document-format', values: ['application/pdf'] },
        ],
        pdf,
        [{ tag: valueTags.integer, name: 'copies', values: [copies] }],
      );
      const id = attributesOf(message, groupTags.job).get('job-id')?.[0];
      if (typeof id !== 'number') throw new IppError(-1, 'CUPS accepted the job but sent no job-id');
      return id;
    },

    async job(id: number): Promise<JobAttributes | null> {
      try {
        const message = await call(ippOperations.getJobAttributes, [
          { tag: valueTags.integer, name: 'job-id', values: [id] },
          { tag: valueTags.keyword, name: 'requested-attributes', values: jobAttributeNames },
        ]);
        return toJob(attributesOf(message, groupTags.job));
      } catch (error) {
        // client-error-not-found: CUPS no longer knows the job
        if (error instanceof IppError && error.statusCode === 0x0406) return null;
        throw error;
      }
    },

    /** Every job CUPS still knows (active and finished): how a restarted bridge finds what it sent. */
    async jobs(): Promise<JobAttributes[]> {
      const message = await call(ippOperations.getJobs, [
        { tag: valueTags.keyword, name: 'which-jobs', values: ['all'] },
        { tag: valueTags.keyword, name: 'requested-attributes', values: jobAttributeNames },
      ]);
      return groupsOf(message, groupTags.job)
        .map(toJob)
        .filter((job): job is JobAttributes => job !== null);
    },

    async cancel(id: number): Promise<void> {
      await call(ippOperations.cancelJob, [{ tag: valueTags.integer, name: 'job-id', values: [id] }]);
    },
  };
}

export type IppClient = ReturnType<typeof createIppClient>;
