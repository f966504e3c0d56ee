import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, repoRoot } from '../config/load.ts';
import { secretsDirOf } from '../secrets/secrets.ts';
import { staffCodeFile, writeStaffCode } from './staff-code.ts';

// Sets the staff code for staff-assisted confirmation:
//   KIOSK_DATA_DIR=/var/lib/tongban node --import tsx device-bridge/src/face/set-staff-code.ts 20250601
const code = process.argv[2] ?? '';
const dataDir = process.env['KIOSK_DATA_DIR'] ?? join(repoRoot, 'var');
const secretsDir = secretsDirOf(loadConfig(process.env), dataDir);
writeStaffCode(secretsDir, code, randomBytes);
process.stdout.write(`staff code set in ${staffCodeFile(secretsDir)}\n`);
