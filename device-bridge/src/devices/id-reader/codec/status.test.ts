import { describe, expect, it } from 'vitest';
import { describeStatus, isSuccess, samStatuses } from './status.ts';

/**
 * Every SW3 code GA/T 467 lists, with the reason the driver reports for it (device status, logs,
 * unreadable reasons) — written out here, not derived from status.ts, so a renamed or dropped
 * code shows up as a failure. Chinese texts are GA/T 467's wording.
 */
const issueCodes: Array<[code: number, name: string, success: boolean, chinese: string]> = [
  [0x90, 'success', true, '操作成功'],
  [0x91, 'no-content', false, '居民身份证中无此项内容'],
  [0x9f, 'card-found', true, '寻找居民身份证成功'],
  [0x10, 'checksum-error', false, '接收业务终端数据的校验和错'],
  [0x11, 'length-error', false, '接收业务终端数据的长度错'],
  [0x21, 'bad-command', false, '接收业务终端的命令错误'],
  [0x23, 'unauthorised-operation', false, '越权操作'],
  [0x24, 'unknown-error', false, '无法识别的错误'],
  [0x31, 'card-rejected-sam', false, '居民身份证认证SAM失败'],
  [0x32, 'sam-rejected-card', false, 'SAM认证居民身份证失败'],
  [0x33, 'verification-failed', false, '信息验证失败'],
  [0x37, 'fingerprint-verification-failed', false, '指纹信息验证错误'],
  [0x3f, 'info-length-error', false, '信息长度错误'],
  [0x40, 'unknown-card-type', false, '无法识别的居民身份证类型'],
  [0x41, 'read-failed', false, '读居民身份证操作失败'],
  [0x47, 'random-number-failed', false, '取随机数失败'],
  [0x60, 'sam-self-test-failed', false, 'SAM自检失败，不能接收命令'],
  [0x66, 'sam-not-authorised', false, 'SAM没经过授权，无法使用'],
  [0x80, 'no-card', false, '寻找居民身份证失败'],
  [0x81, 'select-failed', false, '选取居民身份证失败'],
];

describe('SW3 status table', () => {
  const rows = issueCodes.map(([code, name, success, chinese]) => ({
    hex: `0x${code.toString(16).padStart(2, '0')}`,
    code,
    name,
    success,
    chinese,
  }));
  it.each(rows)('$hex → $name', ({ code, name, success, chinese }) => {
    const status = describeStatus(code);
    expect(status).toMatchObject({ code, name });
    expect(status.message.startsWith(chinese)).toBe(true);
    expect(isSuccess(code)).toBe(success);
  });

  it('knows exactly the codes GA/T 467 lists, each under its own name', () => {
    expect(
      Object.keys(samStatuses)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(issueCodes.map(([code]) => code).sort((a, b) => a - b));
    expect(new Set(issueCodes.map(([, name]) => name)).size).toBe(issueCodes.length);
  });

  it('an unknown code is reported as unrecognised, naming the byte, and is not success', () => {
    expect(describeStatus(0x55)).toEqual({ code: 0x55, name: 'unrecognised-status', message: 'SW3 0x55 is not in GA/T 467' });
    expect(describeStatus(0x05)).toMatchObject({ name: 'unrecognised-status', message: 'SW3 0x05 is not in GA/T 467' });
    expect(isSuccess(0x55)).toBe(false);
  });
});
