import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCitizen, fixtureCitizens } from '../platform/embedded/fixtures.ts';
import { createCommandEIdVerifier, createSimulatedEIdVerifier, eIdMatches, simulatedEIdToken } from './e-id-verifier.ts';

const dir = mkdtempSync(join(tmpdir(), 'tongban-ctid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ctidTool(name: string, body: string) {
  const command = join(dir, name);
  writeFileSync(command, `#!/bin/sh\n${body}\n`);
  chmodSync(command, 0o755);
  return createCommandEIdVerifier({ command, args: [], timeoutMs: 2_000, maxOutputBytes: 16_384 });
}

describe('e-ID verifier', () => {
  it('simulation: each fixture citizen’s code names that citizen; any other code names nobody', async () => {
    const verifier = createSimulatedEIdVerifier(fixtureCitizens);
    const liNa = fixtureCitizen('li-na').card;
    expect(await verifier.identify(simulatedEIdToken(liNa.idNumber))).toEqual(liNa);
    expect(await verifier.identify('A'.repeat(32))).toBeNull();
    expect(await eIdMatches(verifier, simulatedEIdToken(liNa.idNumber), liNa.idNumber)).toBe('match');
    expect(await eIdMatches(verifier, simulatedEIdToken(liNa.idNumber), fixtureCitizen('zhang-wei').card.idNumber)).toBe('mismatch');
  });

  it('a site’s CTID client as a command: the code goes on stdin, the identity comes back as JSON', async () => {
    const card = fixtureCitizen('zhang-wei').card;
    const verifier = ctidTool(
      'ctid-ok',
      `read code\n[ "$code" = "valid-code-0123456789" ] || { echo '{"identity":null}'; exit 0; }\necho '${JSON.stringify({ identity: card })}'`,
    );
    expect(await verifier.identify('valid-code-0123456789')).toEqual(card);
    expect(await verifier.identify('forged-code-0123456789')).toBeNull();
  });

  it('a CTID client that fails or answers in the wrong shape is "cannot ask", not "no such person"', async () => {
    await expect(ctidTool('ctid-down', 'echo "connection refused" >&2; exit 7').identify('x'.repeat(20))).rejects.toThrow(/failed/);
    await expect(ctidTool('ctid-text', 'echo OK').identify('x'.repeat(20))).rejects.toThrow(/JSON/);
    await expect(ctidTool('ctid-shape', `echo '{"identity":{"name":"张三"}}'`).identify('x'.repeat(20))).rejects.toThrow(/shape/);
  });
});
