import { execFile as nodeExecFile } from 'node:child_process';

/**
 * systemd readiness and watchdog for `Type=notify` + `WatchdogSec=` (config/systemd/tongban-bridge.service).
 *
 * Node has no AF_UNIX datagram sockets, and the `sd-notify` addon needs libsystemd-dev to build
 *, so the messages go through systemd's own `systemd-notify` tool. Since systemd 246
 * it waits on sd_notify_barrier() before exiting, which removes the old race where PID 1 dropped
 * a message from a helper that had already exited (systemd #2737); the unit needs NotifyAccess=all
 * because the sender is a child. Debian 12 ships systemd 252.
 *
 * Watchdog pings go out at half of WATCHDOG_USEC and ONLY while `healthy()` holds (the event loop
 * runs — the timer fired — and the store answers): a wedged bridge stops pinging and systemd
 * restarts it. Without NOTIFY_SOCKET (npm start, tests) this does nothing.
 */
export type ExecFile = (file: string, args: string[], callback: (error: Error | null) => void) => void;

export interface SystemdNotifier {
  ready(status: string): void;
  stop(): void;
}

export function startSystemdNotify(options: {
  env?: NodeJS.ProcessEnv;
  healthy: () => boolean;
  execFile?: ExecFile;
  onError?: (message: string) => void;
}): SystemdNotifier {
  const env = options.env ?? process.env;
  if (!env.NOTIFY_SOCKET) return { ready: () => {}, stop: () => {} };
  const exec: ExecFile =
    options.execFile ?? ((file, args, callback) => void nodeExecFile(file, args, { timeout: 10_000 }, (error) => callback(error)));
  const send = (...args: string[]) =>
    exec('systemd-notify', args, (error) => {
      if (error) options.onError?.(`systemd-notify ${args.join(' ')}: ${error.message}`);
    });

  const watchdogUsec = Number(env.WATCHDOG_USEC ?? 0);
  const watchdogPid = env.WATCHDOG_PID ? Number(env.WATCHDOG_PID) : process.pid;
  let timer: NodeJS.Timeout | null = null;

  return {
    ready(status) {
      send('--ready', `--status=${status}`);
      if (watchdogUsec > 0 && watchdogPid === process.pid) {
        timer = setInterval(
          () => {
            if (options.healthy()) send('WATCHDOG=1');
          },
          Math.max(500, Math.floor(watchdogUsec / 2000)),
        );
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      send('STOPPING=1');
    },
  };
}
