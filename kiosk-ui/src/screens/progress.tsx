import type { ApplicationView } from '@tongban/device-bridge/api';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { PlatformText, platformLanguage } from '../components/platform-text.tsx';
import { progressActorOf, type ProgressActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import type { ScreenProps } from './screen-props.ts';

/** 办件进度: each application with its state; one opened shows its timeline. */
export function ProgressScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const actor = progressActorOf(snapshot);
  if (!actor) return <JourneyLoading name="progress" title={t('progress.title')} />;
  return <ProgressJourney actor={actor} />;
}

function ProgressJourney({ actor }: { actor: ProgressActorRef }) {
  const { t } = useI18n();
  const progress = useActorSnapshot(actor);
  const { list, caseNumber, failure } = progress.context;
  const close = () => actor.send({ type: 'CLOSE' });

  if (progress.matches('loading')) return <JourneyLoading name="progress" title={t('progress.title')} />;
  if (progress.matches('failed')) {
    return (
      <JourneyFailure
        name="progress"
        title={t('progress.title')}
        code={failure}
        onClose={close}
        onRetry={() => actor.send({ type: 'RETRY' })}
      />
    );
  }
  const opened = list?.applications.find((application) => application.caseNumber === caseNumber);
  if (progress.matches('case') && opened) {
    return (
      <ScreenFrame
        name="progress"
        step="progress-case"
        title={<PlatformText>{opened.itemName}</PlatformText>}
        actions={
          <BigButton tone="secondary" action="back" onPress={() => actor.send({ type: 'BACK' })}>
            {t('journey.back')}
          </BigButton>
        }
      >
        <div class="document" data-testid="application-case" data-case={opened.caseNumber}>
          <CaseFacts application={opened} />
          <h2 class="document__title">{t('progress.timeline')}</h2>
          <ol class="timeline">
            {opened.timeline.map((entry) => (
              <li key={`${entry.state}-${entry.at}`} data-state={entry.state}>
                <strong>{t(`progress.state.${entry.state}`)}</strong> · {entry.at} · <PlatformText>{entry.office}</PlatformText>
                {entry.note ? (
                  <p class="note" lang={platformLanguage}>
                    {entry.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      </ScreenFrame>
    );
  }

  const applications = list?.applications ?? [];
  return (
    <ScreenFrame name="progress" title={t('progress.title')} actions={<CloseJourney onClose={close} />}>
      {list && !list.live ? (
        <p class="notice" role="status" data-testid="progress-offline">
          {t('progress.offline')}
        </p>
      ) : null}
      {applications.length === 0 ? <p class="lead">{t('progress.none')}</p> : null}
      <ul class="service-list">
        {applications.map((application) => (
          <li key={application.caseNumber}>
            <button
              type="button"
              class="service-tile"
              data-action="open-case"
              data-case={application.caseNumber}
              data-state={application.state}
              onClick={() => actor.send({ type: 'OPEN', caseNumber: application.caseNumber })}
            >
              <span class="service-tile__text">
                <span class="service-tile__name" lang={platformLanguage}>
                  {application.itemName}
                </span>
                <span class="service-tile__hint">
                  {t(`progress.state.${application.state}`)} · {t('progress.caseNumber')} {application.caseNumber}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ScreenFrame>
  );
}

function CaseFacts({ application }: { application: ApplicationView }) {
  const { t } = useI18n();
  return (
    <dl class="document__facts">
      <div>
        <dt>{application.caseNumberKind === 'platform' ? t('progress.caseNumber') : t('progress.localNumber')}</dt>
        <dd>{application.caseNumber}</dd>
      </div>
      <div>
        <dt>{t('progress.submitted')}</dt>
        <dd>
          {application.submittedAt} · {t(`progress.channel.${application.channel}`)}
        </dd>
      </div>
      <div>
        <dt>{t('progress.office')}</dt>
        <dd lang={platformLanguage}>{application.office}</dd>
      </div>
    </dl>
  );
}
