import { maskIdNumber } from '../privacy/mask.ts';

export interface LogLineView {
  time: string;
  level: string;
  event: string;
  message: string;
  /** the other fields, already free of personal data by the logging rules; masked again here */
  fields: string;
}

const levelNames: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
// anything that looks like a resident ID number (or a 2017 foreign permanent residence card's
// 3 letters + 12 digits) is masked again: defence in depth for the one screen that shows log text
// to a person standing at a public kiosk
const idNumberLike = /\b(?:\d{17}[\dXx]|[A-Z]{3}\d{12})\b/g;

/**
 * The last lines the bridge logged, for the technician's "recent log" screen. The logger still
 * writes every line to stdout (journald); this only keeps a copy of the newest `capacity` lines.
 */
export function createLogRing(capacity = 200, output: { write(line: string): unknown } = process.stdout) {
  const lines: string[] = [];
  return {
    /** a pino destination: writes through to `output`, keeps a copy */
    destination: {
      write(line: string) {
        output.write(line);
        lines.push(line);
        if (lines.length > capacity) lines.shift();
      },
    },
    recent(limit = 100): LogLineView[] {
      return lines
        .slice(-limit)
        .reverse()
        .map((line) => {
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(line) as Record<string, unknown>;
          } catch {
            return {
              time: '',
              level: '',
              event: '',
              message: line.replace(idNumberLike, (match) => maskIdNumber(match)).trim(),
              fields: '',
            };
          }
          const { time, level, event, msg, app: _app, pid: _pid, hostname: _hostname, ...rest } = parsed;
          return {
            time: String(time ?? ''),
            level: levelNames[Number(level)] ?? String(level ?? ''),
            event: String(event ?? ''),
            message: String(msg ?? ''),
            fields: JSON.stringify(rest).replace(idNumberLike, (match) => maskIdNumber(match)),
          };
        });
    },
  };
}
export type LogRing = ReturnType<typeof createLogRing>;
