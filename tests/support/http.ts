// Raw HTTP via node:http, so a test decides every header: fetch() would add or refuse Host and
// Origin, which are exactly what the bridge's guard looks at.
import http from 'node:http';

export interface RawRequest {
  method?: string;
  /** sent as given; Host defaults to the URL's host, nothing else is added */
  headers?: Record<string, string>;
  /** a string is sent as is (even if it is not valid JSON); an object is JSON-encoded */
  body?: string | object;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** the body parsed as JSON; throws with the raw text when it is not JSON */
  json(): unknown;
}

export function rawRequest(url: string, request: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...request.headers };
  let payload: string | undefined;
  if (request.body !== undefined) {
    payload = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: request.method ?? 'GET',
        headers,
        setHost: headers.host === undefined && headers.Host === undefined,
        timeout: request.timeoutMs ?? 10_000,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text,
            json() {
              try {
                return JSON.parse(text) as unknown;
              } catch {
                throw new Error(`expected a JSON body, got ${incoming.statusCode}: ${text.slice(0, 500)}`);
              }
            },
          });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${request.method ?? 'GET'} ${url} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/**
 * A request as the kiosk's own page would send it: same-origin Origin header on anything that
 * changes state, so the bridge's origin guard lets it through.
 */
export function bridgeRequest(baseUrl: string, method: string, apiPath: string, body?: object): Promise<RawResponse> {
  const headers: Record<string, string> = method === 'GET' || method === 'HEAD' ? {} : { origin: baseUrl };
  return rawRequest(baseUrl + apiPath, { method, headers, ...(body === undefined ? {} : { body }) });
}

/** Fails with the status and body when the bridge did not answer with the expected status. */
export async function expectStatus(response: Promise<RawResponse>, status: number, what: string): Promise<RawResponse> {
  const settled = await response;
  if (settled.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${settled.status}: ${settled.text.slice(0, 500)}`);
  }
  return settled;
}
