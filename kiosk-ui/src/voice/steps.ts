import type { MessageKey } from '../i18n/messages.ts';
import type { VoiceClip } from './screen-voice.ts';

/**
 * The steps inside a screen that have their own spoken guidance: `<ScreenFrame step="…">` marks
 * the view with `data-step` and speaks `voice.<step>` while it shows. A journey's first view (and
 * its loading spinner) speaks the screen's own clip (`voice.<screen>`); every later view is a step.
 * Kept free of runtime imports so the browser tests can use the same list.
 */
export const stepNames = [
  // 打印证明
  'print-copies',
  // 好差评
  'rating-indicators',
  // 关爱模式 menu pages
  'menu-groups',
  'menu-group-print',
  'menu-group-records',
  'menu-group-services',
  // 办事指南
  'guides-categories',
  'guides-items',
  'guides-search',
  'guides-detail',
  // 查询我的记录, 办件进度
  'records-detail',
  'progress-case',
  // 申请办理
  'apply-guide',
  'apply-field-digits',
  'apply-field-text',
  'apply-field-choice',
  'apply-review',
  'apply-sign',
  'apply-consent',
  'apply-submitting',
  'apply-submit-failed',
  'apply-receipt',
  // 实人认证 and 高拍仪 inside 申请办理 (camera/*-screen.tsx: one step per view of their machines)
  'face-check-loading',
  'face-check-choice',
  'face-check-camera',
  'face-check-verifying',
  'face-check-retry',
  'face-check-staff',
  'face-check-failed',
  'document-capture-preview',
  'document-capture-taking',
  'document-capture-review',
  'document-capture-failed',
  // 取号, 预约, 预约签到
  'queue-ticket',
  'appointment-days',
  'appointment-slots',
  'appointment-booked',
  'appointment-mine',
  'appointment-cancel',
  'check-in',
  'check-in-ticket',
  // any journey that could not finish
  'journey-failed',
] as const;

export type StepName = (typeof stepNames)[number];

/**
 * Every step must have its own spoken guidance: a step without a `voice.<step>` message stops tsc
 * here, naming the missing key (add it to messages.ts, both languages).
 */
const everyStepHasVoice: [Exclude<`voice.${StepName}`, MessageKey>] extends [never]
  ? 'ok'
  : { addToMessagesTs: Exclude<`voice.${StepName}`, MessageKey> } = 'ok';
void everyStepHasVoice;

/** A step is not a screen: the names never collide, so `data-step` and `data-screen` stay apart. */
const stepsAreNotScreens: [Extract<StepName, VoiceClip>] extends [never] ? 'ok' : { renameStep: Extract<StepName, VoiceClip> } = 'ok';
void stepsAreNotScreens;
