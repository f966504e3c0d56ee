import type { FormField, SessionView } from '@tongban/device-bridge/api';
import type { ComponentChildren } from 'preact';
import type { ActorRefFrom } from 'xstate';
import { DocumentCaptureScreen } from '../camera/document-capture-screen.tsx';
import { FaceCheckScreen } from '../camera/face-check-screen.tsx';
import type { FaceCheckMachine } from '../flows/face-check.machine.ts';
import type { DocumentCaptureMachine } from '../flows/document-capture.machine.ts';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { platformLanguage, useFieldLabel, useMixedText } from '../components/platform-text.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { materialsToBring, materialsToCapture, notApplicableReason } from '../flows/apply.machine.ts';
import { displayedValue, fieldProblem, keyboardFor } from '../flows/form-fields.ts';
import { applyActorOf, type ApplyActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.tsx';
import { SignaturePad } from '../signature/signature-pad.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading, useFailureText } from './journey-parts.tsx';
import type { ScreenProps } from './screen-props.ts';
import type { StepName } from '../voice/steps.ts';

/** Each way of answering a question has its own spoken guidance. */
const fieldStep = { digits: 'apply-field-digits', text: 'apply-field-text', none: 'apply-field-choice' } as const satisfies Record<
  ReturnType<typeof keyboardFor>,
  StepName
>;

/** 申请办理: one step of the apply journey per view, following its child machine. */
export function ApplyScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const actor = applyActorOf(snapshot);
  if (!actor) return <JourneyLoading name="apply" title={t('apply.title')} />;
  return <ApplyJourney actor={actor} session={snapshot.context.session} />;
}

function ApplyJourney({ actor, session }: { actor: ApplyActorRef; session: SessionView | null }) {
  const { t } = useI18n();
  const failureText = useFailureText();
  const mixed = useMixedText();
  const labelOf = useFieldLabel();
  const apply = useActorSnapshot(actor);
  const { items, item, form, fieldIndex, signature, consent, receipt, failure } = apply.context;
  const send = actor.send.bind(actor);
  const close = () => send({ type: 'CLOSE' });
  const back = (
    <BigButton tone="secondary" action="back" onPress={() => send({ type: 'BACK' })}>
      {t('apply.back')}
    </BigButton>
  );

  if (apply.matches('loadingItems') || apply.matches('loadingItem')) return <JourneyLoading name="apply" title={t('apply.title')} />;
  if (apply.matches('failed'))
    return <JourneyFailure name="apply" title={t('apply.title')} code={failure} onClose={close} onRetry={() => send({ type: 'RETRY' })} />;

  if (apply.matches('choosing')) {
    return (
      <ScreenFrame name="apply" title={t('apply.choose')} actions={<CloseJourney onClose={close} />}>
        {items && items.length === 0 ? <p class="lead">{t('apply.none')}</p> : null}
        <ul class="guides__items">
          {(items ?? []).map((summary) => (
            <li key={summary.code}>
              <button
                type="button"
                class="guide-item"
                data-action="choose-item"
                data-code={summary.code}
                onClick={() => send({ type: 'CHOOSE', code: summary.code })}
              >
                <span class="guide-item__name" lang={platformLanguage}>
                  {summary.name}
                </span>
                <span class="guide-item__meta" lang={platformLanguage}>
                  {summary.department}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </ScreenFrame>
    );
  }

  if (!item) return <JourneyLoading name="apply" title={t('apply.title')} />;
  const fields = item.guide.formFields;

  if (apply.matches('guide')) {
    const reason = notApplicableReason(item, apply.context.capturesMaterials);
    const bring = materialsToBring(item.guide.materials);
    const capture = materialsToCapture(item.guide.materials);
    return (
      <ScreenFrame
        name="apply"
        step="apply-guide"
        title={mixed('apply.guideTitle', {}, { name: item.name })}
        actions={
          <>
            {back}
            {reason === null ? (
              <BigButton action="next" onPress={() => send({ type: 'NEXT' })}>
                {t('apply.start')}
              </BigButton>
            ) : null}
          </>
        }
      >
        <div class="guide-detail" data-testid="apply-guide" data-code={item.code}>
          {reason ? (
            <p class="notice notice--warning" role="alert" data-testid="apply-not-here" data-reason={reason}>
              {t(`apply.${reason}`)}
            </p>
          ) : null}
          {capture.length > 0 ? (
            <>
              <h2>{t('apply.capture')}</h2>
              <ul lang={platformLanguage}>
                {capture.map((material) => (
                  <li key={material.id}>{material.name}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('apply.bring')}</h2>
          {bring.length === 0 ? (
            <p>{t('apply.bringNone')}</p>
          ) : (
            <ul data-testid="apply-bring" lang={platformLanguage}>
              {bring.map((material) => (
                <li key={material.id} data-material={material.id}>
                  {material.name}
                  {material.note ? <span class="note">（{material.note}）</span> : null}
                </li>
              ))}
            </ul>
          )}
          <p class="note">{t('apply.fromCard')}</p>
        </div>
      </ScreenFrame>
    );
  }

  if (apply.matches('filling')) {
    const field = fields[fieldIndex];
    if (!field) return <JourneyLoading name="apply" title={t('apply.title')} />;
    const value = form[field.id] ?? '';
    const problem = fieldProblem(field, value);
    return (
      <ScreenFrame
        name="apply"
        step={fieldStep[keyboardFor(field)]}
        title={labelOf(field)}
        actions={
          <>
            {back}
            <BigButton action="next" disabled={problem !== null} onPress={() => send({ type: 'NEXT' })}>
              {t('apply.next')}
            </BigButton>
          </>
        }
      >
        <p class="note">
          {t('apply.question', { index: fieldIndex + 1, count: fields.length })}
          {field.required ? '' : ` ${t('apply.optional')}`}
        </p>
        <FieldInput field={field} label={labelOf(field)} value={value} onChange={(next) => send({ type: 'SET_FIELD', value: next })} />
        <p class="note" aria-live="polite" data-testid="field-problem" data-problem={problem ?? ''}>
          {problem && value !== '' ? t(`apply.problem.${problem}`) : ''}
        </p>
      </ScreenFrame>
    );
  }

  if (apply.matches('capturing')) {
    const capture = (apply.children as Record<string, unknown>)['documentCapture'] as ActorRefFrom<DocumentCaptureMachine> | undefined;
    return capture ? <DocumentCaptureScreen actor={capture} /> : <JourneyLoading name="apply" title={t('apply.title')} />;
  }

  if (apply.matches('identity')) {
    const faceCheck = (apply.children as Record<string, unknown>)['faceCheck'] as ActorRefFrom<FaceCheckMachine> | undefined;
    return faceCheck ? <FaceCheckScreen actor={faceCheck} /> : <JourneyLoading name="apply" title={t('apply.title')} />;
  }

  if (apply.matches('review')) {
    return (
      <ScreenFrame
        name="apply"
        step="apply-review"
        title={t('apply.review')}
        actions={
          <>
            {back}
            <BigButton action="next" onPress={() => send({ type: 'NEXT' })}>
              {t('apply.next')}
            </BigButton>
          </>
        }
      >
        <dl class="document__facts review" data-testid="apply-review">
          <div>
            <dt>{t('apply.applicant')}</dt>
            <dd>
              <span lang={platformLanguage}>{session?.maskedName}</span> {session?.maskedIdNumber}
            </dd>
          </div>
          <div>
            <dt>{t('apply.title')}</dt>
            <dd lang={platformLanguage}>{item.name}</dd>
          </div>
          {fields.map((field) => (
            <div key={field.id}>
              <dt>{labelOf(field)}</dt>
              {/* a typed text or a chosen option is Chinese like the platform's form */}
              <dd data-field={field.id} lang={field.type === 'text' || field.type === 'choice' ? platformLanguage : undefined}>
                {displayedValue(field, form[field.id] ?? '')}
              </dd>
            </div>
          ))}
        </dl>
      </ScreenFrame>
    );
  }

  if (apply.matches('signing')) {
    return (
      <ScreenFrame
        name="apply"
        step="apply-sign"
        title={t('apply.signTitle')}
        actions={
          <>
            {back}
            <BigButton action="next" disabled={signature === null} onPress={() => send({ type: 'NEXT' })}>
              {t('apply.next')}
            </BigButton>
          </>
        }
      >
        <p class="lead">{t('apply.signText')}</p>
        <SignaturePad onChange={(next) => send({ type: 'SIGN', signature: next })} />
      </ScreenFrame>
    );
  }

  if (apply.matches('consent')) {
    return (
      <ScreenFrame
        name="apply"
        step="apply-consent"
        title={t('apply.consentTitle')}
        actions={
          <>
            {back}
            <BigButton action="submit-application" disabled={!consent} onPress={() => send({ type: 'SUBMIT' })}>
              {t('apply.submit')}
            </BigButton>
          </>
        }
      >
        <p class="lead">{t('apply.consentText')}</p>
        <button
          type="button"
          class={`indicator-button${consent ? ' indicator-button--chosen' : ''}`}
          data-action="consent"
          aria-pressed={consent}
          onClick={() => send({ type: 'CONSENT', agreed: !consent })}
        >
          <span aria-hidden="true">{consent ? '☑ ' : '☐ '}</span>
          {t('apply.consentAgree')}
        </button>
      </ScreenFrame>
    );
  }

  if (apply.matches('submitting')) {
    return (
      <ScreenFrame name="apply" step="apply-submitting" title={t('apply.submitting')}>
        <div class="spinner" role="progressbar" aria-label={t('apply.submitting')} />
      </ScreenFrame>
    );
  }

  if (apply.matches('submitFailed')) {
    return (
      <ScreenFrame
        name="apply"
        tone="warning"
        step="apply-submit-failed"
        title={t('apply.submitFailed')}
        actions={
          <>
            {back}
            <BigButton action="retry" onPress={() => send({ type: 'RETRY' })}>
              {t('journey.retry')}
            </BigButton>
          </>
        }
      >
        <p class="hero" role="alert" data-code={failure ?? 'generic'}>
          {failureText(failure)}
        </p>
      </ScreenFrame>
    );
  }

  if (receipt) {
    return (
      <ScreenFrame
        name="apply"
        step="apply-receipt"
        title={t('apply.receiptTitle')}
        actions={
          <BigButton action="done" onPress={() => send({ type: 'DONE' })}>
            {t('apply.done')}
          </BigButton>
        }
      >
        <p class="hero" data-testid="case-number" data-case={receipt.caseNumber} data-kind={receipt.caseNumberKind}>
          {receipt.caseNumberKind === 'platform'
            ? t('apply.caseNumber', { number: receipt.caseNumber })
            : t('apply.localNumber', { number: receipt.caseNumber })}
        </p>
        {receipt.queuedOffline ? (
          <p class="notice" role="status">
            {t('apply.queuedOffline')}
          </p>
        ) : null}
        <p class="lead" data-testid="receipt-printed" data-printed={String(receipt.receiptPrinted)}>
          {receipt.receiptPrinted ? t('apply.receiptPrinted') : t('apply.receiptNotPrinted')}
        </p>
      </ScreenFrame>
    );
  }
  return <JourneyLoading name="apply" title={t('apply.title')} />;
}

/**
 * The answer box with the right way to type it: keyboard, numeric keypad, or one button per choice.
 * Choices are the platform's words (marked Chinese); the label names the box for a screen reader.
 */
function FieldInput({
  field,
  label,
  value,
  onChange,
}: {
  field: FormField;
  label: ComponentChildren;
  value: string;
  onChange: (value: string) => void;
}) {
  const keyboard = keyboardFor(field);
  const labelId = `field-label-${field.id}`;
  const hiddenLabel = (
    <span id={labelId} class="visually-hidden">
      {label}
    </span>
  );
  if (keyboard === 'none') {
    return (
      <div class="rating-indicators" role="radiogroup" aria-labelledby={labelId}>
        {hiddenLabel}
        {(field.options ?? []).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={value === option}
            class={`indicator-button${value === option ? ' indicator-button--chosen' : ''}`}
            data-action="choose-option"
            data-option={option}
            lang={platformLanguage}
            onClick={() => onChange(option)}
          >
            {option}
          </button>
        ))}
      </div>
    );
  }
  return (
    <div class="field-input">
      {hiddenLabel}
      <output class="guides__query" data-testid="field-value" aria-labelledby={labelId}>
        {displayedValue(field, value)}
      </output>
      {keyboard === 'digits' ? (
        <OnScreenKeyboard
          key={field.id}
          value={value}
          onChange={onChange}
          modes={['digits']}
          maxLength={field.type === 'date' ? 8 : (field.maxLength ?? 20)}
        />
      ) : (
        <OnScreenKeyboard
          key={field.id}
          value={value}
          onChange={onChange}
          modes={['pinyin', 'latin', 'digits']}
          maxLength={field.maxLength ?? 100}
        />
      )}
    </div>
  );
}
