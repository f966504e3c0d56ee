import type { ActorRefFrom } from 'xstate';
import './camera.css';
import { BigButton } from '../components/big-button.tsx';
import { apiPaths } from '@tongban/device-bridge/api/routes';
import type { DocumentCaptureMachine } from '../flows/document-capture.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { useVoiceStep } from '../voice/voice-step.ts';
import { documentCaptureSteps } from './camera-steps.ts';

export interface DocumentCaptureScreenProps {
  actor: ActorRefFrom<DocumentCaptureMachine>;
}

/**
 * Photographing one material on the 高拍仪: live picture and "take", then the cropped pages with
 * retake/remove, then done. `data-screen="document-capture"`; each view is a step (`data-step`,
 * camera-steps.ts) with its own spoken guidance.
 */
export function DocumentCaptureScreen({ actor }: DocumentCaptureScreenProps) {
  const { t } = useI18n();
  const snapshot = useActorSnapshot(actor);
  const { capture, materialName, failure } = snapshot.context;
  const state = snapshot.value;
  const step = documentCaptureSteps[state];
  useVoiceStep(step);
  const pages = capture?.pages ?? [];
  const cancel = (
    <BigButton tone="secondary" action="capture-cancel" onPress={() => actor.send({ type: 'CANCEL' })}>
      {t('capture.cancel')}
    </BigButton>
  );
  const done =
    pages.length > 0 ? (
      <BigButton action="capture-done" onPress={() => actor.send({ type: 'DONE' })}>
        {t('capture.done')}
      </BigButton>
    ) : null;

  let body;
  let actions;
  if (state === 'previewing') {
    body = (
      <div class="document-capture">
        <p class="lead">{t('capture.place')}</p>
        <img class="camera-preview" src={apiPaths.cameraPreview('document-camera')} alt={t('capture.preview.alt')} />
        <p class="note">{t('capture.privacy')}</p>
      </div>
    );
    actions = (
      <>
        {cancel}
        {done}
        <BigButton action="capture-take" onPress={() => actor.send({ type: 'TAKE' })}>
          {t('capture.take')}
        </BigButton>
      </>
    );
  } else if (state === 'reviewing') {
    body = (
      <div class="document-capture">
        <p class="lead" data-part="page-count">
          {t('capture.review', { count: String(pages.length) })}
        </p>
        <ol class="page-list">
          {pages.map((page) => (
            <li class="page-list__item" key={`${page.index}-${page.bytes}`} data-part="page">
              <img
                class="page-list__image"
                src={apiPaths.materialPageImage(capture!.captureId, page.index) + `?v=${page.bytes}`}
                alt={t('capture.page', { number: String(page.index + 1) })}
              />
              <span class="note">{t('capture.page', { number: String(page.index + 1) })}</span>
              <BigButton
                tone="secondary"
                action="capture-retake"
                extraAttributes={{ 'data-page': String(page.index) }}
                onPress={() => actor.send({ type: 'RETAKE', index: page.index })}
              >
                {t('capture.retake')}
              </BigButton>
              <BigButton
                tone="secondary"
                action="capture-remove"
                extraAttributes={{ 'data-page': String(page.index) }}
                onPress={() => actor.send({ type: 'REMOVE', index: page.index })}
              >
                {t('capture.remove')}
              </BigButton>
            </li>
          ))}
        </ol>
      </div>
    );
    actions = (
      <>
        {cancel}
        <BigButton tone="secondary" action="capture-next-page" onPress={() => actor.send({ type: 'NEXT_PAGE' })}>
          {t('capture.nextPage')}
        </BigButton>
        {done}
      </>
    );
  } else if (state === 'failed') {
    body = (
      <p class="notice" role="alert" data-part="capture-failed">
        {failure === 'device-unavailable' ? t('capture.failed.device-unavailable') : t('capture.failed.generic')}
      </p>
    );
    actions = (
      <>
        {cancel}
        <BigButton action="capture-retry" onPress={() => actor.send({ type: 'RETRY' })}>
          {t('capture.retry')}
        </BigButton>
      </>
    );
  } else {
    body = (
      <div class="working" role="status">
        <div class="spinner" aria-hidden="true" />
        <p class="lead">{t('capture.taking')}</p>
      </div>
    );
  }

  return (
    <section class="screen" data-screen="document-capture" data-step={step} aria-labelledby="document-capture-title">
      <h1 id="document-capture-title" class="screen__title" tabIndex={-1}>
        {t('capture.title', { name: materialName })}
      </h1>
      <div class="screen__body">{body}</div>
      {actions ? <div class="screen__actions">{actions}</div> : null}
    </section>
  );
}
