// Operator tool: send one signed command to a kiosk and print its answer.
//   node --import tsx device-bridge/src/fleet/send-command.ts --url mqtts://broker:8883 --user operator \
//     --password-file ops.password --kiosk TB-0001 --key-file TB-0001.fleet-command.key ping|restart-ui|reload-config|self-test [device]
// The kiosk's command key is printed on the kiosk by `npm run doctor -- fleet-key`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { deviceIdSchema } from '../api/index.ts';
import { fleetCommandNames, kioskTopics, signCommand } from './commands.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    user: { type: 'string', default: 'operator' },
    'password-file': { type: 'string' },
    kiosk: { type: 'string' },
    'key-file': { type: 'string' },
    'timeout-seconds': { type: 'string', default: '30' },
  },
});
const [commandName, device] = positionals;
const command = fleetCommandNames.find((name) => name === commandName);
if (!values.url || !values.kiosk || !values['key-file'] || !values['password-file'] || !command) {
  process.stderr.write(
    `usage: send-command --url … --user … --password-file … --kiosk … --key-file … <${fleetCommandNames.join('|')}> [device]` + '\n',
  );
  process.exit(2);
}
const key = Buffer.from(readFileSync(values['key-file'], 'utf8').trim(), 'base64');
const topics = kioskTopics(values.kiosk);
const message = signCommand(
  { id: randomUUID(), command, ...(device ? { device: deviceIdSchema.parse(device) } : {}), issuedAt: new Date().toISOString() },
  key,
);
const client = mqtt.connect(values.url, {
  protocolVersion: 5,
  username: values.user,
  password: readFileSync(values['password-file'], 'utf8').trim(),
  reconnectPeriod: 0,
});
let answered = false;
let deferredSeen = false;
const timer = setTimeout(
  () => {
    process.stderr.write(
      deferredSeen
        ? `deferred and not run within ${values['timeout-seconds']} s: it runs when the citizen's session ends` + '\n'
        : `no answer within ${values['timeout-seconds']} s (the command stays queued for the kiosk if it is offline)` + '\n',
    );
    void client.endAsync().then(() => process.exit(1));
  },
  Number(values['timeout-seconds']) * 1000,
);
client.on('message', (_topic, payload) => {
  const answer = JSON.parse(payload.toString()) as { id?: string; ok?: boolean; outcome?: string };
  if (answer.id !== message.id) return;
  if (answer.outcome === 'deferred') {
    // a citizen is at the kiosk: the command runs when the session ends, and a second answer follows
    process.stderr.write(JSON.stringify(answer) + '\n');
    deferredSeen = true;
    return;
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
  clearTimeout(timer);
  answered = true;
  process.exitCode = answer.ok ? 0 : 1;
  void client.endAsync();
});
client.on('connect', async () => {
  await client.subscribeAsync(topics.result, { qos: 1 });
  await client.publishAsync(topics.command, JSON.stringify(message), { qos: 1 });
});
client.on('error', (error) => {
  // the broker closing the socket after our disconnect is not a failure
  if (answered) return;
  process.stderr.write(error.message + '\n');
  process.exit(1);
});
