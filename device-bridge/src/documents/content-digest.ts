import { createHash } from 'node:crypto';
import type { CertificateData } from '../platform/platform.ts';
import { certificateFacts } from './certificate-content.ts';

/**
 * A short SHA-256 (16 hex characters, 64 bits) of what a certificate states beyond what its QR code
 * already names: the type's own facts, the table rows and the statement, in a fixed JSON form
 * (version 1). It goes into the signed QR so that a genuine QR cannot be glued onto other content: a
 * receiver who has the record (from the platform, or typed from the paper) recomputes it.
 *
 * Deliberately NOT in it: the holder's full name and full ID number. The QR carries them masked; a
 * digest over the full number would let anyone with the masked one try the few thousand birth dates
 * that fill the gap and confirm the full number from the digest.
 */
export function contentDigest(data: CertificateData, number: string): string {
  const { facts, body } = certificateFacts(data);
  const canonical = JSON.stringify({
    v: 1,
    type: data.type,
    number,
    // 姓名 and 公民身份号码 come first in facts (certificateFacts): left out, see above
    facts: facts.slice(2),
    rows: body.table?.rows.map((row) => row.cells) ?? [],
    statement: body.statement,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 16);
}
