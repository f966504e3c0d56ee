/** Reads a stable code from whatever an injected actor threw (BridgeError carries `code`). */
export function failureCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return 'generic';
}
