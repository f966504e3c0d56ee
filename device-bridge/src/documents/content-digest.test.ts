import { describe, expect, it } from 'vitest';
import type { CertificateData } from '../api/index.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { systemClock } from '../time/clock.ts';
import { contentDigest } from './content-digest.ts';

async function record(): Promise<CertificateData> {
  const platform = createEmbeddedPlatform({ file: ':memory:', clock: systemClock });
  try {
    const data = await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('zhang-wei').card);
    if (!data) throw new Error('zhang-wei has no social insurance record');
    return data;
  } finally {
    platform.close();
  }
}

describe('certificate content digest (in the signed QR)', () => {
  it('is 16 hex characters, the same for the same content and number', async () => {
    const data = await record();
    expect(contentDigest(data, 'SS20261122-7K3Q9M2X')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentDigest(structuredClone(data), 'SS20261122-7K3Q9M2X')).toBe(contentDigest(data, 'SS20261122-7K3Q9M2X'));
  });

  it('changes when a table row, a fact or the number changes, so other content cannot borrow a genuine QR', async () => {
    const data = await record();
    const digest = contentDigest(data, 'SS20261122-7K3Q9M2X');
    expect(data.type).toBe('social-insurance-contribution');
    if (data.type !== 'social-insurance-contribution') return;
    expect(data.rows.length).toBeGreaterThan(0);
    const rows = data.rows.map((row, index) => (index === 0 ? { ...row, personalFen: row.personalFen + 100 } : row));
    expect(contentDigest({ ...data, rows }, 'SS20261122-7K3Q9M2X')).not.toBe(digest);
    expect(contentDigest({ ...data, rows: data.rows.slice(1) }, 'SS20261122-7K3Q9M2X')).not.toBe(digest);
    expect(contentDigest(data, 'SS20261122-7K3Q9M2Y')).not.toBe(digest);
  });

  it('does not depend on the full ID number (the QR shows it masked; a digest over it would reveal it)', async () => {
    const data = await record();
    const otherNumberSameMask = `${data.idNumber.slice(0, 6)}19700101${data.idNumber.slice(-4)}`;
    expect(contentDigest({ ...data, idNumber: otherNumberSameMask }, 'N')).toBe(contentDigest(data, 'N'));
  });
});
