import type { ErrorCode } from '../api/index.ts';
import { HttpError } from '../http/http-error.ts';
import { PlatformRejection, PlatformUnavailable, type PlatformErrorCode } from './contract.ts';

const mapped: Partial<Record<PlatformErrorCode, [number, ErrorCode, string]>> = {
  'item-not-found': [404, 'item-not-found', '没有该办事事项。'],
  'item-not-applicable': [409, 'item-not-applicable', '该事项不能在自助机办理，请查看办事指南。'],
  'slot-not-found': [404, 'not-found', '该时段已不可预约，请选择其他时段。'],
  'slot-full': [409, 'slot-full', '该时段已约满，请选择其他时段。'],
  'appointment-not-found': [404, 'appointment-not-found', '没有找到您的这条预约。'],
  'appointment-not-today': [409, 'appointment-not-today', '这条预约不是今天的。'],
  'appointment-too-early': [409, 'appointment-too-early', '还没到签到时间（预约开始前一小时起可签到）。'],
  'appointment-too-late': [409, 'appointment-too-late', '预约时段已过。'],
  'appointment-checked-in': [409, 'appointment-checked-in', '这条预约已经签到过了。'],
  'queue-ticket-exists': [409, 'queue-ticket-exists', '您已取过该类业务的号。'],
  'identity-mismatch': [404, 'record-not-found', '未查询到您的相关记录。'],
  'ticket-not-found': [404, 'not-found', '没有这个号。'],
};

/**
 * Turns what the platform said into the bridge's error body: an unreachable platform is 503
 * platform-unavailable with the reason (the UI shows the service as unavailable, not broken); a
 * refusal keeps its meaning. Anything already an HttpError passes through.
 */
export function platformHttpError(error: unknown): Error {
  if (error instanceof HttpError) return error;
  if (error instanceof PlatformUnavailable) {
    return new HttpError(
      503,
      'platform-unavailable',
      `The government service platform cannot be reached (${error.message}). / 政务服务平台暂时无法连接，请稍后再试。`,
    );
  }
  if (error instanceof PlatformRejection) {
    const known = mapped[error.code];
    if (known) return new HttpError(known[0], known[1], `${error.message} / ${known[2]}`);
    return new HttpError(502, 'platform-unavailable', `The platform refused the request: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
