import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { endpoints, type BodyOf, type EndpointName, type Endpoints, type ParamsOf, type QueryOf, type ResultOf } from '../api/endpoints.ts';
import { DomainError, noSession } from '../errors/domain-error.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Session } from '../session/session-holder.ts';

/** Who called a technician or doctor endpoint, for the audit log. */
export type TechnicianActor = 'technician' | 'doctor';

type AccessInput<E> = E extends { access: 'session' }
  ? { session: Session }
  : E extends { access: 'technician' | 'doctor' }
    ? { actor: TechnicianActor }
    : unknown;

/** What a handler is given: its input parsed by the table's schemas, and what its access brings. */
export type HandlerInput<N extends EndpointName> = {
  params: ParamsOf<Endpoints[N]>;
  query: QueryOf<Endpoints[N]>;
  body: BodyOf<Endpoints[N]>;
  /** the raw exchange: for the streams and pictures a handler writes itself, and headers */
  http: { request: Request; response: Response };
} & AccessInput<Endpoints[N]>;

const answeredMark = Symbol('answered');

/** A JSON answer with another success status than the endpoint's usual one (a replayed POST: 200). */
export interface Answered<T> {
  readonly [answeredMark]: true;
  readonly status: 200 | 201 | 202;
  readonly body: T;
}

export function answered<T>(status: 200 | 201 | 202, body: T): Answered<T> {
  return { [answeredMark]: true, status, body };
}

type HandlerResult<N extends EndpointName> = Endpoints[N]['response'] extends { kind: 'json' }
  ? ResultOf<Endpoints[N]> | Answered<ResultOf<Endpoints[N]>>
  : void;

export type EndpointHandler<N extends EndpointName> = (input: HandlerInput<N>) => HandlerResult<N> | Promise<HandlerResult<N>>;

/** Handlers for some endpoints; route modules each return the handlers of the endpoints they own. */
export type EndpointHandlers<N extends EndpointName> = { [K in N]: EndpointHandler<K> };

export type SimulationEndpointName = { [N in EndpointName]: Endpoints[N]['access'] extends 'simulation' ? N : never }[EndpointName];

/** What a bridge must handle: every endpoint, the simulation ones only when devices are simulated. */
export type BridgeHandlers = EndpointHandlers<Exclude<EndpointName, SimulationEndpointName>> &
  Partial<EndpointHandlers<SimulationEndpointName>>;

/** How the registration enforces each endpoint's access before a handler runs. */
export interface AccessGuards {
  /** the citizen being served now, or null */
  currentSession(): Session | null;
  /** the holder of a bearer token, for technician endpoints (and doctor ones, which also take the doctor's token) */
  technicianActor(token: string | undefined, allowDoctor: boolean): TechnicianActor | null;
}

export interface EndpointRouterOptions {
  guards: AccessGuards;
  logger: EventLogger;
  /**
   * Every JSON answer is checked against the table's schema and a mismatch is logged; strict turns
   * it into a 500, so tests fail on a handler that drifted from the contract.
   */
  strictResponses: boolean;
  /** told of every successful answer, by endpoint name and status (monitoring counts finished journeys) */
  onAnswered?: (endpoint: EndpointName, status: number) => void;
}

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer ([0-9a-f]{64})$/.exec(header ?? '')?.[1];
}

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

/** Express query values without the empty ones (`?q=` means no q). */
function queryObject(query: Request['query']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '' && value !== undefined));
}

function isAnswered(value: unknown): value is Answered<unknown> {
  return typeof value === 'object' && value !== null && answeredMark in value;
}

/**
 * Registers the bridge's routes from the endpoint table, and only from it: for each endpoint a
 * handler is given for, its access is checked, then its path params, query and body are parsed
 * with the table's schemas (a bad one is 400 naming each wrong field, or 404 for a path that names
 * nothing), and the handler's result is sent with the table's status. No handler parses input or
 * picks a success status itself.
 */
export function endpointRouter(handlers: Partial<EndpointHandlers<EndpointName>>, options: EndpointRouterOptions): Router {
  const router = Router();
  const { guards, logger } = options;
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const handler = handlers[name] as EndpointHandler<EndpointName> | undefined;
    if (!handler) continue;
    const endpoint = endpoints[name];
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](endpoint.path, async (request, response) => {
      const access: Record<string, unknown> = {};
      if (endpoint.access === 'technician' || endpoint.access === 'doctor') {
        const actor = guards.technicianActor(bearerToken(request.headers.authorization), endpoint.access === 'doctor');
        if (!actor) throw new DomainError('technician-session-required');
        access.actor = actor;
      }
      const input = {
        params: parseParams(endpoint, request.params),
        query: 'query' in endpoint ? parseWith(endpoint.query, queryObject(request.query), 'query') : {},
        body: 'body' in endpoint ? parseWith(endpoint.body, request.body ?? {}, 'body') : undefined,
        http: { request, response },
        ...access,
      };
      if (endpoint.access === 'session') {
        const session = guards.currentSession();
        if (!session) throw noSession();
        Object.assign(input, { session });
      }
      const result = await handler(input as HandlerInput<EndpointName>);
      const spec = endpoint.response;
      if (spec.kind === 'empty') {
        response.status(204).end();
        options.onAnswered?.(name, 204);
        return;
      }
      if (spec.kind !== 'json') return; // streams and bytes: the handler wrote the answer
      const { status, body } = isAnswered(result) ? result : { status: spec.status, body: result };
      if (status !== spec.status && !('repeatStatus' in spec && status === spec.repeatStatus)) {
        throw new Error(`${name} answered ${status}, which the endpoint table does not give it`);
      }
      const checked = spec.schema.safeParse(body);
      if (!checked.success) {
        logger.log('response-invalid', { endpoint: name, problems: checked.error.issues.map((issue) => issue.path.join('.')).join(', ') });
        if (options.strictResponses) throw new Error(`${name} answered outside its schema: ${problemsOf(checked.error)}`);
      }
      response.status(status).json(body);
      options.onAnswered?.(name, status);
    });
  }
  return router;
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, part: 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('bad-request', `${part === 'query' ? 'query ' : ''}${problemsOf(parsed.error)}`);
}

function parseParams(endpoint: Endpoints[EndpointName], params: Request['params']): unknown {
  if (!('params' in endpoint) || endpoint.params === undefined) return {};
  const parsed = endpoint.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const detail = problemsOf(parsed.error);
  throw new DomainError('invalidParams' in endpoint && endpoint.invalidParams === 'bad-request' ? 'bad-request' : 'not-found', detail);
}
