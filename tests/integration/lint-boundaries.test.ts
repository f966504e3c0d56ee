// The import rules that keep the parts apart (eslint.config.js), checked on made-up files at the
// places they guard: a rule that silently stopped matching would let the layers grow back together.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo.ts';

const eslint = new ESLint({ cwd: repoRoot });

/** the boundary messages ESLint gives `code` as if it were the file at `file` (repository-relative) */
async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it('a flow that imports a screen, a component or the app fails lint', async () => {
    expect(
      await boundaryProblems(
        'kiosk-ui/src/flows/made-up.machine.ts',
        "import { MenuScreen } from '../screens/menu.tsx';\nvoid MenuScreen;\n",
      ),
    ).toEqual([expect.stringContaining('Flows are pure machines')]);
    expect(
      await boundaryProblems(
        'kiosk-ui/src/flows/made-up.machine.ts',
        "import { startKioskRuntime } from '../app/kiosk-runtime.ts';\nvoid startKioskRuntime;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryProblems(
        'kiosk-ui/src/flows/made-up.machine.ts',
        "import { notProvidedIn } from './not-provided.ts';\nvoid notProvidedIn;\n",
      ),
    ).toEqual([]);
  });

  it('the UI takes the bridge contract as types, and run-time values only from its zod-free modules', async () => {
    const file = 'kiosk-ui/src/screens/made-up.tsx';
    expect(await boundaryProblems(file, "import { errorCodes } from '@tongban/device-bridge/api';\nvoid errorCodes;\n")).toHaveLength(1);
    expect(
      await boundaryProblems(file, "import type { ErrorCode } from '@tongban/device-bridge/api';\nexport type X = ErrorCode;\n"),
    ).toEqual([]);
    expect(await boundaryProblems(file, "import { apiPaths } from '@tongban/device-bridge/api/routes';\nvoid apiPaths;\n")).toEqual([]);
    expect(
      await boundaryProblems(file, "import { maskName } from '../../../device-bridge/src/privacy/mask.ts';\nvoid maskName;\n"),
    ).toHaveLength(1);
  });

  it('devices and domain code never import the HTTP layer or Express', async () => {
    expect(
      await boundaryProblems(
        'device-bridge/src/devices/made-up.ts',
        "import { errorHandler } from '../http/error-handler.ts';\nvoid errorHandler;\n",
      ),
    ).toEqual([expect.stringContaining('never import the HTTP layer')]);
    expect(
      await boundaryProblems('device-bridge/src/printing/made-up.ts', "import { Router } from 'express';\nvoid Router;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryProblems(
        'device-bridge/src/printing/made-up.ts',
        "import { DomainError } from '../errors/domain-error.ts';\nvoid DomainError;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryProblems('device-bridge/src/api/made-up.ts', "import { maskName } from '../privacy/mask.ts';\nvoid maskName;\n"),
    ).toHaveLength(1);
  });
});
