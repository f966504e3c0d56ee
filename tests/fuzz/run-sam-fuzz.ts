// Long fuzz run outside `npm test`: the SAM frame decoder under generated bad input and the real
// driver against a hostile SAM, for as many minutes as asked (default 5).
//   node --import tsx tests/fuzz/run-sam-fuzz.ts [minutes]
import fc from 'fast-check';
import { encodeResponse } from '../../device-bridge/src/devices/id-reader/codec/commands.ts';
import { createFrameDecoder, defaultMaxLength, headerBytes } from '../../device-bridge/src/devices/id-reader/codec/frame.ts';
import { fuzzSamDriver } from './sam-driver-fuzz.ts';

const minutes = Number(process.argv[2] ?? 5);
const until = Date.now() + minutes * 60_000;
let decoderCases = 0;
let driverRuns = 0;
let failed = false;

const stream = fc.array(
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 2_400 })).map(([sw3, data]) => encodeResponse(sw3, data)),
    fc.uint8Array({ maxLength: 200 }),
    fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat()).map(([bytes, at, mask]) => {
      const copy = Uint8Array.from(bytes);
      if (copy.length > 0) copy[at % copy.length] = copy[at % copy.length]! ^ (mask & 0xff);
      return copy;
    }),
  ),
  { maxLength: 30 },
);

for (let round = 0; Date.now() < until && !failed; round++) {
  try {
    fc.assert(
      fc.property(stream, fc.nat({ max: 512 }), (pieces, chunk) => {
        decoderCases += 1;
        const decoder = createFrameDecoder();
        const bytes = Buffer.concat(pieces);
        for (let at = 0; at < bytes.length; at += chunk + 1) {
          decoder.push(bytes.subarray(at, at + chunk + 1));
          if (decoder.buffered() > headerBytes + defaultMaxLength) throw new Error('decoder memory unbounded');
        }
        decoder.flush();
      }),
      { numRuns: 20_000, seed: round },
    );
  } catch (error) {
    failed = true;
    console.error(error);
  }
  const outcome = await fuzzSamDriver(round + 1, 5_000);
  driverRuns += 1;
  if (outcome.problems.length > 0) {
    failed = true;
    console.error(`driver fuzz seed ${outcome.seed}:`, outcome.problems);
  }
  console.error(`[fuzz] round ${round}: ${decoderCases} decoder cases, ${driverRuns} driver runs (last: ${outcome.requests} requests)`);
}
console.log(JSON.stringify({ decoderCases, driverRuns, failed }));
process.exitCode = failed ? 1 : 0;
