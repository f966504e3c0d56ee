/**
 * SW3, the SAM's status byte (GA/T 467 status table). Names are stable machine
 * reasons (they appear in device status and logs); messages are for technicians.
 */
export const samStatuses = {
  0x90: { name: 'success', message: '操作成功 success' },
  0x91: { name: 'no-content', message: '居民身份证中无此项内容 the card holds no such item' },
  0x9f: { name: 'card-found', message: '寻找居民身份证成功 card found' },
  0x10: { name: 'checksum-error', message: '接收业务终端数据的校验和错 the SAM received a bad checksum' },
  0x11: { name: 'length-error', message: '接收业务终端数据的长度错 the SAM received a bad length' },
  0x21: { name: 'bad-command', message: '接收业务终端的命令错误 unknown command or parameter' },
  0x23: { name: 'unauthorised-operation', message: '越权操作 operation not allowed' },
  0x24: { name: 'unknown-error', message: '无法识别的错误 unrecognised error' },
  0x31: { name: 'card-rejected-sam', message: '居民身份证认证SAM失败 the card failed to authenticate the SAM' },
  0x32: { name: 'sam-rejected-card', message: 'SAM认证居民身份证失败 the SAM failed to authenticate the card' },
  0x33: { name: 'verification-failed', message: '信息验证失败 information verification failed' },
  0x37: { name: 'fingerprint-verification-failed', message: '指纹信息验证错误 fingerprint verification error' },
  0x3f: { name: 'info-length-error', message: '信息长度错误 information length error' },
  0x40: { name: 'unknown-card-type', message: '无法识别的居民身份证类型 unknown card type' },
  0x41: { name: 'read-failed', message: '读居民身份证操作失败 reading the card failed' },
  0x47: { name: 'random-number-failed', message: '取随机数失败 random number failure' },
  0x60: { name: 'sam-self-test-failed', message: 'SAM自检失败，不能接收命令 SAM self-test failed' },
  0x66: { name: 'sam-not-authorised', message: 'SAM没经过授权，无法使用 SAM not authorised' },
  0x80: { name: 'no-card', message: '寻找居民身份证失败 no card found' },
  0x81: { name: 'select-failed', message: '选取居民身份证失败 selecting the card failed' },
} as const;

export type SamStatusCode = keyof typeof samStatuses;
export type SamStatusName = (typeof samStatuses)[SamStatusCode]['name'] | 'unrecognised-status';

export interface SamStatus {
  code: number;
  name: SamStatusName;
  message: string;
}

export function describeStatus(code: number): SamStatus {
  const known = (samStatuses as Record<number, { name: SamStatusName; message: string } | undefined>)[code];
  if (known) return { code, ...known };
  return { code, name: 'unrecognised-status', message: `SW3 0x${code.toString(16).padStart(2, '0')} is not in GA/T 467` };
}

/** The status means the command worked (0x90, or 0x9F for find-card). */
export function isSuccess(code: number): boolean {
  return code === 0x90 || code === 0x9f;
}
