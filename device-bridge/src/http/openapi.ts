import { endpoints, type Endpoint, type EndpointName } from '../api/endpoints.ts';
import type { ErrorCode } from '../api/errors.ts';
import type { Access } from '../api/routes.ts';
import { errorAnswers } from './error-answers.ts';
import { endpointJsonSchemas, type EndpointPart, type JsonSchema } from './openapi-schemas.ts';

/** '/api/print-jobs/:id' → '/api/print-jobs/{id}' */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const pathParamNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);

/** What each access level refuses a caller who lacks it, and why. */
const refusedByAccess: Record<Access, [ErrorCode, string] | null> = {
  public: null,
  session: ['no-session', 'no citizen is identified'],
  technician: ['technician-session-required', "no valid technician token (a PIN login's, which times out)"],
  doctor: ['technician-session-required', "neither a technician's token nor the doctor CLI's"],
  simulation: ['not-found', 'the devices are not simulated, so this route does not exist'],
};

/** Why the registration itself may refuse a request to this endpoint, before or instead of its handler. */
function refusals(endpoint: Endpoint): [ErrorCode, string][] {
  const found: [ErrorCode, string][] = [];
  const byAccess = refusedByAccess[endpoint.access];
  if (byAccess) found.push(byAccess);
  if ('params' in endpoint && endpoint.params !== undefined) {
    found.push(
      'invalidParams' in endpoint && endpoint.invalidParams === 'bad-request'
        ? ['bad-request', 'a path parameter is malformed']
        : ['not-found', 'a path parameter names nothing that exists'],
    );
  }
  if ('query' in endpoint) found.push(['bad-request', 'the query is not valid; the message names each wrong field']);
  if ('body' in endpoint) found.push(['bad-request', 'the body is not valid; the message names each wrong field']);
  return found;
}

function errorResponses(endpoint: Endpoint, errorBody: JsonSchema) {
  const byStatus = new Map<number, string[]>();
  for (const [code, why] of refusals(endpoint)) {
    const status = errorAnswers[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), `${code}: ${why}`]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, reasons]) => [
        String(status),
        { description: reasons.join('; '), content: { 'application/json': { schema: errorBody } } },
      ]),
  );
}

const reasonPhrases = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

function successResponse(name: EndpointName, endpoint: Endpoint, part: (name: EndpointName, part: EndpointPart) => JsonSchema | undefined) {
  const spec = endpoint.response;
  switch (spec.kind) {
    case 'json':
      return {
        [String(spec.status)]: {
          description: reasonPhrases[spec.status],
          content: { 'application/json': { schema: part(name, 'response') } },
        },
        ...('repeatStatus' in spec && spec.repeatStatus !== undefined
          ? {
              [String(spec.repeatStatus)]: {
                description: 'the same request again (same idempotency key): the first answer',
                content: { 'application/json': { schema: part(name, 'response') } },
              },
            }
          : {}),
      };
    case 'empty':
      return { '204': { description: 'done, no body' } };
    case 'event-stream':
      return {
        '200': {
          description:
            'Server-sent events, open until the client goes: each message is `event: <type>` and one `data:` line of JSON that x-event-data describes',
          content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': part(name, 'response') } },
        },
      };
    case 'bytes':
      // OpenAPI 3.1: binary content is its media type without a schema
      return { '200': { description: 'OK', content: { [spec.contentType]: {} } } };
  }
}

const security: Partial<Record<Access, Record<string, never[]>[]>> = {
  technician: [{ technicianToken: [] }],
  doctor: [{ technicianToken: [] }, { doctorToken: [] }],
};

/** The device bridge's HTTP API as OpenAPI 3.1, generated from the endpoint table alone. */
export function bridgeOpenApi() {
  const table = endpointJsonSchemas();
  const errorResponse = { description: 'an error; error.code says which', content: { 'application/json': { schema: table.errorBody } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const params = table.object(name, 'params');
    const query = table.object(name, 'query');
    const parameters = [
      ...pathParamNames(endpoint.path).map((param) => ({ name: param, in: 'path', required: true, schema: params?.properties?.[param] })),
      ...Object.entries(query?.properties ?? {}).map(([param, schema]) => ({
        name: param,
        in: 'query',
        required: query?.required?.includes(param) ?? false,
        schema,
      })),
    ];
    const body = 'body' in endpoint ? endpoint.body : undefined;
    const operation = {
      operationId: name,
      'x-access': endpoint.access,
      ...(security[endpoint.access] ? { security: security[endpoint.access] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body
        ? {
            // the router parses a missing body as {}, so a body whose fields are all optional may be left out
            requestBody: { required: !body.safeParse({}).success, content: { 'application/json': { schema: table.part(name, 'body') } } },
          }
        : {}),
      responses: {
        ...successResponse(name, endpoint, table.part),
        ...errorResponses(endpoint, table.errorBody),
        default: { $ref: '#/components/responses/Error' },
      },
    };
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tongban device bridge API',
      version: '1.0.0',
      description: [
        "What the kiosk UI (and the doctor CLI, and a technician's tools) may ask of the device bridge on the kiosk itself, generated from its endpoint table (device-bridge/src/api/routes.ts and endpoints.ts).",
        'Every request must name the loopback host (else 421 misdirected-host), and a POST, PUT or DELETE from another origin is refused (403 forbidden-origin).',
        'x-access says who may call an operation: public; session (only while a citizen is identified); technician (bearer token of a PIN login); doctor (as technician, or the doctor CLI token); simulation (only on a kiosk with simulated devices).',
      ].join(' '),
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    components: {
      schemas: table.components([paths, errorResponse]),
      responses: { Error: errorResponse },
      securitySchemes: {
        technicianToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'from POST /api/technician/login with the PIN; one technician session at a time, ended by inactivity or logout',
        },
        doctorToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'written at every bridge start to doctor.token in secrets.dir, for `npm run doctor`: read-and-test operations only',
        },
      },
    },
    paths,
  };
}
