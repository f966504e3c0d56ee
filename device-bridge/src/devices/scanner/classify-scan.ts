/**
 * What a scanned code is. The formats (docs/id-reader-and-scanner.md, "Scanned codes"):
 *   tongban:appointment:<id>     id: 1–64 of A–Z a–z 0–9 -
 *   tongban:e-id:<token>         token: 16–512 of A–Z a–z 0–9 _ -   (this project's own e-ID stand-in)
 *   tongban:technician:<code>    code: 6–64 of A–Z a–z 0–9
 *   <verificationBaseUrl>?no=<number>&code=<code>   same origin and path; each 1–64 of A–Z a–z 0–9 -
 * The prefix and kind are case-insensitive; a prefixed code whose value breaks its rule, and
 * anything else (a real 网证/CTID code included), is `other`.
 * Pure. `token` and `code` stay inside the bridge: the UI is told only the kind (scanEventOf).
 */
export type ClassifiedScan =
  | { kind: 'appointment'; appointmentId: string }
  | { kind: 'login-e-id'; token: string }
  | { kind: 'technician'; code: string }
  | { kind: 'certificate-verification'; number: string; code: string }
  | { kind: 'other' };

const prefixed = /^tongban:(appointment|e-id|technician):(.*)$/is;

export function classifyScan(text: string, options: { verificationBaseUrl: string }): ClassifiedScan {
  const match = prefixed.exec(text);
  if (match) {
    const kind = match[1]!.toLowerCase();
    const value = match[2]!;
    if (kind === 'appointment' && /^[A-Za-z0-9-]{1,64}$/.test(value)) return { kind: 'appointment', appointmentId: value };
    if (kind === 'e-id' && /^[A-Za-z0-9_-]{16,512}$/.test(value)) return { kind: 'login-e-id', token: value };
    if (kind === 'technician' && /^[A-Za-z0-9]{6,64}$/.test(value)) return { kind: 'technician', code: value };
    return { kind: 'other' };
  }
  const verification = verificationOf(text, options.verificationBaseUrl);
  return verification ?? { kind: 'other' };
}

function verificationOf(text: string, baseUrl: string): ClassifiedScan | null {
  let url: URL;
  let base: URL;
  try {
    url = new URL(text);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.pathname !== base.pathname) return null;
  const number = url.searchParams.get('no');
  const code = url.searchParams.get('code');
  if (!number || !code || number.length > 64 || code.length > 64) return null;
  if (!/^[A-Za-z0-9-]+$/.test(number) || !/^[A-Za-z0-9-]+$/.test(code)) return null;
  return { kind: 'certificate-verification', number, code };
}

/** What the UI is told about a scan: never a login token or a technician code. */
export type ScanEventView =
  | { kind: 'appointment'; appointmentId: string }
  | { kind: 'certificate-verification'; number: string; code: string }
  | { kind: 'login-e-id' }
  | { kind: 'technician' }
  | { kind: 'other' };

export function scanEventOf(scan: ClassifiedScan): ScanEventView {
  switch (scan.kind) {
    case 'login-e-id':
      return { kind: 'login-e-id' };
    case 'technician':
      return { kind: 'technician' };
    default:
      return scan;
  }
}
