import type {
  BodyInputOf,
  CallableEndpointName,
  EndpointName,
  Endpoints,
  ParamsInputOf,
  QueryInputOf,
  ResultOf,
} from '@tongban/device-bridge/api';
import { pathWith, routes } from '@tongban/device-bridge/api/routes';
import { BridgeError, bridgeErrorFromBody } from './bridge-error.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

type Endpoint<N extends EndpointName> = Endpoints[N];

/** What a call to endpoint N takes: its path params, query and body as the table says, and a token where it needs one. */
export type CallInput<N extends EndpointName> = (Endpoint<N> extends { params: unknown }
  ? { params: ParamsInputOf<Endpoint<N>> }
  : unknown) &
  (Endpoint<N> extends { query: unknown } ? { query?: QueryInputOf<Endpoint<N>> } : unknown) &
  (Endpoint<N> extends { body: unknown } ? { body: BodyInputOf<Endpoint<N>> } : unknown) &
  (Endpoint<N>['access'] extends 'technician' | 'doctor' ? { token: string } : unknown);

// every field of the input optional (or none at all): the input itself may be left out
type CallOf<N extends EndpointName> =
  Partial<CallInput<N>> extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<ResultOf<Endpoint<N>>>
    : (input: CallInput<N>) => Promise<ResultOf<Endpoint<N>>>;

/**
 * The bridge's API as the UI calls it, one function per endpoint of the bridge's endpoint table:
 * names, inputs and results come from the table's types, so a path, a body or a response type
 * cannot drift from the bridge without a compile error. Streams and pictures (events, camera
 * previews, page images) are opened by URL instead (`apiPaths`).
 */
export type BridgeClient = { readonly [N in CallableEndpointName]: CallOf<N> };

interface AnyCallInput {
  params?: Record<string, string | number>;
  query?: object;
  body?: unknown;
  token?: string;
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one HTTP client of the kiosk UI. `baseUrl` is empty in production (same origin); `fetch` is
 * injectable so tests need no network. Every failure is a BridgeError with the bridge's stable
 * code, or `unreachable` / `bad-response` when no contract answer came.
 */
export function createBridgeClient(options: { baseUrl?: string; fetch?: FetchLike } = {}): BridgeClient {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(name: EndpointName, input: AnyCallInput = {}): Promise<unknown> {
    const route = routes[name];
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (input.body !== undefined) headers['Content-Type'] = 'application/json';
    if (input.token !== undefined) headers.Authorization = `Bearer ${input.token}`;
    const url = baseUrl + pathWith(route.path, input.params ?? {}) + (input.query ? queryString(input.query) : '');
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: route.method,
        headers,
        ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
      });
    } catch (cause) {
      throw new BridgeError('unreachable', `bridge not reachable: ${String(cause)}`, 0);
    }
    if (response.status === 204) return undefined;
    const parsed = await readJson(response);
    if (!response.ok) throw bridgeErrorFromBody(response.status, parsed, response.headers.get('Retry-After'));
    if (parsed === undefined) throw new BridgeError('bad-response', `HTTP ${response.status} without JSON`, response.status);
    return parsed;
  }

  return Object.fromEntries(
    (Object.keys(routes) as EndpointName[]).map((name) => [name, (input?: AnyCallInput) => call(name, input)]),
  ) as unknown as BridgeClient;
}
