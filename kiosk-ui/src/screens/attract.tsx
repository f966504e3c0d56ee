import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function AttractScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const { capabilities } = snapshot.context.kiosk;
  return (
    <ScreenFrame name="attract" title={t('attract.title')}>
      <div class="card-slot" aria-hidden="true">
        <div class="card-slot__card">
          <span class="card-slot__chip" />
        </div>
        <div class="card-slot__arrow">⬇</div>
        <div class="card-slot__reader" />
      </div>
      <p class="lead">{t('attract.body')}</p>
      {capabilities.eIdLogin ? (
        <p class="lead" data-part="attract-e-id">
          {t('attract.eId')}
        </p>
      ) : null}
      <p class="note">{capabilities.printCertificate ? t('attract.services') : t('attract.printingUnavailable')}</p>
      {snapshot.matches('attract') ? (
        // 办事指南 needs no card: anyone may read what to bring before queueing
        <button
          type="button"
          class="big-button big-button--secondary"
          data-action="open-guides"
          onClick={() => send({ type: 'OPEN_GUIDES' })}
        >
          {t('guides.open')}
          <span class="note"> · {t('guides.openHint')}</span>
        </button>
      ) : null}
    </ScreenFrame>
  );
}
