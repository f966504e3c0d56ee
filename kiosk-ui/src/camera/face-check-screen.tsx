import type { FaceHint } from '@tongban/device-bridge/api';
import './camera.css';
import { useState } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import { BigButton } from '../components/big-button.tsx';
import { apiPaths } from '@tongban/device-bridge/api/routes';
import type { FaceCheckMachine } from '../flows/face-check.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { NumericKeypad } from '../keyboard/numeric-keypad.tsx';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { useVoiceStep } from '../voice/voice-step.ts';
import { faceCheckSteps, topStateOf } from './camera-steps.ts';

export interface FaceCheckScreenProps {
  actor: ActorRefFrom<FaceCheckMachine>;
}

const hintKey = (hint: FaceHint) => `face.hint.${hint}` as MessageKey;

/**
 * 人证比对 screen: first the consent page with the alternatives beside it (same screen), then the
 * live picture with guidance, then the result. `data-screen="face-check"`; each view is a step
 * (`data-step`, camera-steps.ts) with its own spoken guidance.
 */
export function FaceCheckScreen({ actor }: FaceCheckScreenProps) {
  const { t } = useI18n();
  const snapshot = useActorSnapshot(actor);
  const { options, hint, result, staffError, failure } = snapshot.context;
  const [code, setCode] = useState('');
  const state = topStateOf(snapshot.value);
  const step = faceCheckSteps[state];
  useVoiceStep(step);
  const staffOffered = options?.alternatives.includes('staff') === true;
  const eIdOffered = options?.alternatives.includes('e-id') === true;

  const staffButton = staffOffered ? (
    <BigButton tone="secondary" action="face-staff" onPress={() => actor.send({ type: 'CHOOSE_STAFF' })}>
      {t('face.staff')}
    </BigButton>
  ) : null;
  const cancelButton = (
    <BigButton tone="secondary" action="face-cancel" onPress={() => actor.send({ type: 'CANCEL' })}>
      {t('face.cancel')}
    </BigButton>
  );

  let body;
  let actions;
  switch (state) {
    case 'choosing':
      // with no way at all to confirm the person here, say where to go instead of an empty choice
      body =
        !options?.faceOffered && !staffOffered && !eIdOffered ? (
          <p class="notice" role="alert" data-part="face-no-way">
            {t('face.noWay')}
          </p>
        ) : (
          <div class="face-choice">
            <div class="face-choice__face" data-part="face-consent">
              {options?.faceOffered ? (
                <>
                  <p class="lead">{t('face.consent.what')}</p>
                  <p class="note">{t('face.consent.privacy')}</p>
                  <BigButton action="face-agree" onPress={() => actor.send({ type: 'AGREE' })}>
                    {t('face.agree')}
                  </BigButton>
                </>
              ) : (
                <p class="notice" data-part="face-not-offered">
                  {t(`face.notOffered.${options?.reason ?? 'disabled'}` as MessageKey)}
                </p>
              )}
            </div>
            <div class="face-choice__alternatives" data-part="face-alternatives">
              <h2 class="lead">{t('face.alternatives')}</h2>
              {staffOffered || eIdOffered ? (
                <>
                  <p class="note">{t('face.consent.choice')}</p>
                  {eIdOffered ? (
                    <p class="lead" data-part="face-e-id">
                      {t('face.eId')}
                    </p>
                  ) : null}
                  {staffButton}
                </>
              ) : (
                <p class="lead" data-part="face-no-alternative">
                  {t('face.noAlternative')}
                </p>
              )}
            </div>
          </div>
        );
      actions = cancelButton;
      break;
    case 'capturing':
      body = (
        <div class="face-capture">
          <img class="camera-preview" src={apiPaths.cameraPreview('camera')} alt={t('face.preview.alt')} />
          <p class="hero" role="status" aria-live="polite" data-part="face-hint" data-hint={hint}>
            {t(hintKey(hint))}
          </p>
        </div>
      );
      actions = (
        <>
          <BigButton tone="secondary" action="face-back" onPress={() => actor.send({ type: 'BACK' })}>
            {t('face.back')}
          </BigButton>
          <BigButton action="face-verify" onPress={() => actor.send({ type: 'VERIFY' })}>
            {t('face.verify')}
          </BigButton>
        </>
      );
      break;
    case 'retry':
      body = (
        <div role="alert">
          <p class="notice" data-part="face-result" data-decision={result?.decision}>
            {t(`face.result.${result?.decision ?? 'no-face'}` as MessageKey)}
          </p>
          <p class="lead">{t('face.attemptsLeft', { count: String(result?.attemptsLeft ?? 0) })}</p>
        </div>
      );
      actions = (
        <>
          {staffButton}
          <BigButton action="face-retry" onPress={() => actor.send({ type: 'RETRY' })}>
            {t('face.retry')}
          </BigButton>
        </>
      );
      break;
    case 'staffCode':
    case 'confirmingStaff':
      body = (
        <div class="face-staff">
          <p class="lead">{t('face.staff.body')}</p>
          <input
            class="code-field"
            type="password"
            inputMode="none"
            readOnly
            value={code}
            aria-label={t('face.staff.title')}
            data-part="staff-code"
          />
          {staffError ? (
            <p class="notice" role="alert" data-part="staff-error">
              {t(
                `face.staff.error.${['staff-code-invalid', 'staff-code-locked'].includes(staffError) ? staffError : 'generic'}` as MessageKey,
              )}
            </p>
          ) : null}
          <NumericKeypad value={code} onChange={setCode} maxLength={12} />
        </div>
      );
      actions = (
        <>
          <BigButton tone="secondary" action="face-back" onPress={() => actor.send({ type: 'BACK' })}>
            {t('face.back')}
          </BigButton>
          <BigButton
            action="face-staff-confirm"
            disabled={code.length < 4 || state === 'confirmingStaff'}
            onPress={() => {
              actor.send({ type: 'STAFF_CODE', code });
              setCode('');
            }}
          >
            {t('face.staff.confirm')}
          </BigButton>
        </>
      );
      break;
    case 'failed':
      body = (
        <p class="notice" role="alert" data-part="face-failed" data-failure={failure ?? ''}>
          {t('face.failed')}
        </p>
      );
      actions = (
        <>
          {cancelButton}
          <BigButton action="face-retry" onPress={() => actor.send({ type: 'RETRY' })}>
            {t('face.retry')}
          </BigButton>
        </>
      );
      break;
    default:
      // loading, consenting, verifying, reloading: working
      body = (
        <div class="working" role="status">
          <div class="spinner" aria-hidden="true" />
          <p class="lead">{state === 'verifying' ? t('face.verifying') : t('face.loading')}</p>
        </div>
      );
  }

  return (
    <section class="screen" data-screen="face-check" data-step={step} aria-labelledby="face-check-title">
      <h1 id="face-check-title" class="screen__title" tabIndex={-1}>
        {state === 'staffCode' || state === 'confirmingStaff'
          ? t('face.staff.title')
          : state === 'capturing'
            ? t('face.capture.title')
            : t('face.title')}
      </h1>
      <div class="screen__body">{body}</div>
      {actions ? <div class="screen__actions">{actions}</div> : null}
    </section>
  );
}
