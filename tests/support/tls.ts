// TLS and password material for running the shipped fleet configs for real: a throw-away
// certificate from Debian's openssl (valid for the names the shipped files use and for 127.0.0.1),
// bcrypt hashes as htpasswd -B makes them (glibc's crypt, through python3), and HTTPS requests that
// trust that certificate.
import { execFile } from 'node:child_process';
import { chmod, readFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RawResponse } from './http.ts';

const run = promisify(execFile);

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  /** the certificate itself, to trust it (self-signed: it is its own CA) */
  pem: Buffer;
}

/** A self-signed certificate for `names` (DNS) and 127.0.0.1, valid for a day. */
export async function makeTestCertificate(dir: string, names: string[]): Promise<TestCertificate> {
  const certFile = path.join(dir, 'server.crt');
  const keyFile = path.join(dir, 'server.key');
  const subjectAltName = [...names.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${names[0] ?? 'localhost'}`,
    '-addext',
    `subjectAltName=${subjectAltName}`,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  // servers started as root may drop to their own user (mosquitto): the test key must stay readable
  await chmod(keyFile, 0o644);
  return { certFile, keyFile, pem: await readFile(certFile) };
}

/** A bcrypt hash ($2b$, cost 10) of `password`, as Prometheus' web config and htpasswd -B use. */
export async function bcryptHash(password: string): Promise<string> {
  const { stdout } = await run('python3', [
    '-W',
    'ignore',
    '-c',
    'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1024)))',
    password,
  ]);
  const hash = stdout.trim();
  if (!hash.startsWith('$2b$')) throw new Error(`python3 crypt did not make a bcrypt hash: ${hash}`);
  return hash;
}

/** An HTTPS request that trusts `ca`, with optional basic auth. */
export function httpsRequest(
  url: string,
  options: { ca: Buffer; user?: string; password?: string; method?: string; body?: Buffer; headers?: Record<string, string> },
): Promise<RawResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...options.headers };
  if (options.user !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const outgoing = https.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers,
        ca: options.ca,
        timeout: 10_000,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${options.method ?? 'GET'} ${url} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
