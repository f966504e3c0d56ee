// Reads the bridge's event stream the way a freshly loaded UI would, to see what it is told.
import http from 'node:http';
import { kioskEventSchema, type KioskEvent } from '@tongban/device-bridge/api';

/**
 * Opens GET /api/events, returns the first event matching `wanted` (parsed with the shared
 * schema) and closes the stream. Fails after `timeoutMs`, naming what did arrive.
 */
export function firstEvent<T extends KioskEvent['type']>(
  baseUrl: string,
  wanted: T,
  timeoutMs = 5_000,
): Promise<Extract<KioskEvent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    let buffer = '';
    const request = http.get(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`GET /api/events answered ${response.statusCode}`));
        request.destroy();
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk.replace(/\r\n/g, '\n');
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
            .join('\n');
          if (data === '') continue; // comment / keep-alive
          const event = kioskEventSchema.parse(JSON.parse(data));
          seen.push(event.type);
          if (event.type === wanted) {
            clearTimeout(timer);
            request.destroy();
            resolve(event as Extract<KioskEvent, { type: T }>);
            return;
          }
        }
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no "${wanted}" event within ${timeoutMs} ms; saw: ${seen.join(', ') || 'nothing'}`));
    }, timeoutMs);
  });
}
