import type { ErrorBody, ErrorCode } from '../api/errors.ts';
import type { DomainErrorFacts } from '../errors/domain-error.ts';

interface ErrorAnswer {
  status: number;
  /** for whoever reads the raw answer; a domain error's detail is added after it */
  en: string | ((facts: DomainErrorFacts) => string);
  /** the same for a Chinese-reading technician (the UI shows its own catalogue's text, not this) */
  zh?: string | ((facts: DomainErrorFacts) => string);
}

const seconds = (facts: DomainErrorFacts) => Math.max(1, Math.ceil(facts.retryAfterSeconds ?? 1));

/**
 * Every error code's HTTP status and wording, in one place: services name what went wrong, this
 * table alone says how it is answered. tsc refuses a code without an entry.
 */
export const errorAnswers: Record<ErrorCode, ErrorAnswer> = {
  'bad-request': { status: 400, en: 'The request is not valid' },
  'not-found': { status: 404, en: 'There is no such thing here' },
  'no-session': { status: 404, en: 'No citizen is identified. Place the ID card on the reader to start.', zh: '请先放置身份证。' },
  'forbidden-origin': { status: 403, en: 'Requests from other web pages are not accepted.' },
  'misdirected-host': { status: 421, en: 'This service answers only on its loopback address' },
  'device-unavailable': {
    status: 503,
    en: 'The device cannot do this right now; try again or ask staff',
    zh: '设备暂时无法使用，请重试或联系工作人员。',
  },
  'printer-unavailable': {
    status: 409,
    en: 'The certificate printer is not available right now; please ask staff.',
    zh: '打印机暂不可用，请联系工作人员。',
  },
  'platform-unavailable': {
    status: 503,
    en: 'The government service platform cannot be reached',
    zh: '政务服务平台暂时无法连接，请稍后再试。',
  },
  'record-not-found': { status: 404, en: 'No record of this person of this kind.', zh: '未查询到您的相关记录。' },
  'simulation-only': { status: 409, en: 'Only a simulated device can do this' },
  'item-not-found': { status: 404, en: 'There is no such service item', zh: '没有该办事事项。' },
  'item-not-applicable': {
    status: 409,
    en: 'This item cannot be applied for at this kiosk; see its guide',
    zh: '该事项不能在自助机申请，请查看办事指南。',
  },
  'material-missing': {
    status: 422,
    en: 'A required material is missing: photograph it on the document camera',
    zh: '请用高拍仪拍摄所需材料。',
  },
  'slot-full': { status: 409, en: 'This time slot is full; choose another', zh: '该时段已约满，请选择其他时段。' },
  'appointment-not-found': { status: 404, en: 'No appointment has this code', zh: '没有找到这条预约，请找工作人员。' },
  'queue-ticket-exists': { status: 409, en: 'This person already has a number for this category', zh: '您已取过该类业务的号。' },
  'idempotency-key-reused': { status: 409, en: 'This idempotency key belongs to another application', zh: '请重新提交。' },
  'technician-session-required': {
    status: 401,
    en: 'Technician mode needs a PIN login (the session may have timed out).',
    zh: '请输入维护密码。',
  },
  'technician-pin-wrong': { status: 401, en: 'Wrong PIN' },
  'technician-locked-out': {
    status: 429,
    en: (facts) => `Too many wrong PINs: try again in ${seconds(facts)} s.`,
    zh: (facts) => `密码错误次数过多，请 ${seconds(facts)} 秒后再试。`,
  },
  'technician-not-set-up': { status: 409, en: 'No technician PIN is set on this kiosk: run `npm run doctor -- set-pin` on the kiosk.' },
  'config-not-writable': {
    status: 500,
    en: 'Nothing was changed: the site file cannot be written',
    zh: '配置文件无法写入，未做任何更改。',
  },
  'no-site-file': {
    status: 409,
    en: 'This kiosk runs without a site file (KIOSK_CONFIG is not set), so there is nowhere to write a change.',
  },
  'consent-required': { status: 403, en: 'The face check needs the citizen’s consent first.', zh: '人脸核验需先征得本人同意。' },
  'face-not-offered': {
    status: 409,
    en: 'There is no face check to do now; use another way to confirm',
    zh: '当前无法进行人脸核验，请选择其他方式。',
  },
  'no-attempts-left': {
    status: 409,
    en: 'No face check attempts are left; use another way to confirm.',
    zh: '人脸核验次数已用完，请选择其他方式。',
  },
  'staff-code-invalid': { status: 403, en: 'The staff code is wrong.', zh: '工作人员码不正确。' },
  'staff-code-locked': {
    status: 429,
    en: 'Too many wrong staff codes; wait five minutes.',
    zh: '工作人员码错误次数过多，请五分钟后再试。',
  },
  'face-check-in-progress': { status: 409, en: 'A face check is already running; wait for its result.', zh: '正在核验，请稍候。' },
  'identity-not-verified': {
    status: 409,
    en: 'An application needs the person at the kiosk confirmed first: face check, mobile e-ID or staff.',
    zh: '申请前需先核验本人身份（人脸、网证或工作人员确认）。',
  },
  'too-many-pages': { status: 409, en: 'No more pages can be taken in this visit', zh: '本次办理拍摄的页数已达上限。' },
  'not-failed': { status: 409, en: 'Only a job that failed can be printed again.' },
  'reprint-used': {
    status: 409,
    en: 'This certificate was already printed again once; please ask staff.',
    zh: '已重新打印过一次，请联系工作人员。',
  },
  'document-gone': { status: 409, en: 'The document is no longer kept; please start again.', zh: '文件已清除，请重新办理。' },
  'signature-invalid': {
    status: 400,
    en: 'The signature is not a valid picture. Sign again on the screen.',
    zh: '签名图片无效，请重新签名。',
  },
  'appointment-not-today': { status: 409, en: 'This appointment is not for today', zh: '这条预约不是今天的。' },
  'appointment-too-early': {
    status: 409,
    en: 'Check-in opens one hour before the appointment',
    zh: '还没到签到时间（预约开始前一小时起可签到）。',
  },
  'appointment-too-late': { status: 409, en: 'The appointment time is over', zh: '预约时段已过。' },
  'appointment-checked-in': { status: 409, en: 'This appointment is already checked in', zh: '这条预约已经签到过了。' },
  internal: { status: 500, en: 'Something went wrong in the kiosk. Please try again or ask staff.' },
};

const worded = (text: ErrorAnswer['en'], facts: DomainErrorFacts) => (typeof text === 'function' ? text(facts) : text);

/** The status, headers and JSON body that answer one error code. */
export function errorAnswerOf(
  code: ErrorCode,
  detail?: string,
  facts: DomainErrorFacts = {},
): { status: number; headers: Record<string, string>; body: ErrorBody } {
  const answer = errorAnswers[code];
  const en = worded(answer.en, facts);
  const english = detail ? `${en.replace(/[.]$/, '')}: ${detail}` : en;
  const message = answer.zh ? `${english} / ${worded(answer.zh, facts)}` : english;
  const headers: Record<string, string> = {};
  if (facts.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(facts.retryAfterSeconds)));
  return { status: answer.status, headers, body: { error: { code, message } } };
}
