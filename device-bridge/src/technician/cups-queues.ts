import { decodeIpp, encodeIpp, groupsOf, groupTags, isSuccess, valueTags } from '../devices/a4-printer/ipp/codec.ts';

/** CUPS-Get-Printers (a CUPS extension to IPP, operation 0x4002). */
const cupsGetPrinters = 0x4002;

/**
 * The print queues CUPS has, so the technician picks the A4 queue instead of typing its name
 * (names like Kiosk_A4 need capitals and "_", which the kiosk keyboard does not have).
 */
export async function listCupsQueues(server: string, timeoutMs = 3_000): Promise<string[]> {
  const body = encodeIpp({
    code: cupsGetPrinters,
    requestId: 1,
    groups: [
      {
        tag: groupTags.operation,
        attributes: [
          { tag: valueTags.charset, name: 'attributes-charset', values: ['utf-8'] },
          { tag: valueTags.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
          { tag: valueTags.keyword, name: 'requested-attributes', values: ['printer-name'] },
        ],
      },
    ],
  });
  const response = await fetch(`${server.replace(/\/$/, '')}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/ipp' },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`CUPS answered HTTP ${response.status}`);
  const message = decodeIpp(Buffer.from(await response.arrayBuffer()));
  // 0x0406 not-found: CUPS has no queue at all
  if (message.code === 0x0406) return [];
  if (!isSuccess(message.code)) throw new Error(`CUPS refused CUPS-Get-Printers: 0x${message.code.toString(16)}`);
  return groupsOf(message, groupTags.printer)
    .flatMap((printer) => printer.get('printer-name') ?? [])
    .filter((name): name is string => typeof name === 'string')
    .sort();
}
