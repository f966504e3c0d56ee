import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import { logEvents, type LogEventId } from './events.ts';

/** Fields a log line may carry. Personal data must already be masked (privacy/mask.ts). */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface EventLogger {
  log(event: LogEventId, fields?: LogFields): void;
  /** the underlying pino logger, for libraries that want one */
  readonly pino: PinoLogger;
}

export function createEventLogger(options: { level?: string; destination?: DestinationStream } = {}): EventLogger {
  const base = pino(
    { level: options.level ?? 'info', base: { app: 'tongban-bridge' }, timestamp: pino.stdTimeFunctions.isoTime },
    options.destination,
  );
  return {
    pino: base,
    log(event, fields = {}) {
      const { level, message } = logEvents[event];
      base[level]({ ...fields, event }, message);
    },
  };
}

/** A logger that keeps lines in memory: for tests that assert what was (not) logged. */
export function createMemoryLogger(): EventLogger & { lines: string[] } {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  return Object.assign(createEventLogger({ level: 'debug', destination }), { lines });
}
