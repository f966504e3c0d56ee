import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { DocumentTable } from '../components/document-table.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { PlatformText, platformLanguage } from '../components/platform-text.tsx';
import { recordsActorOf, type RecordsActorRef } from '../flows/session.screens.ts';
import { canStartPrint } from '../flows/menu.ts';
import type { KioskStatus } from '../flows/session.types.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import type { ScreenProps } from './screen-props.ts';

/** 查询我的记录: the list of record types, then one record on screen, with "print this" when it can be printed. */
export function RecordsScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const actor = recordsActorOf(snapshot);
  if (!actor) return <JourneyLoading name="records" title={t('records.title')} />;
  return <RecordsJourney actor={actor} kiosk={snapshot.context.kiosk} />;
}

function RecordsJourney({ actor, kiosk }: { actor: RecordsActorRef; kiosk: KioskStatus }) {
  const { t } = useI18n();
  const records = useActorSnapshot(actor);
  const { list, record, failure } = records.context;
  const close = () => actor.send({ type: 'CLOSE' });

  if (records.matches('listing') || records.matches('opening')) return <JourneyLoading name="records" title={t('records.title')} />;
  if (records.matches('failed')) {
    return (
      <JourneyFailure
        name="records"
        title={t('records.title')}
        code={failure}
        onClose={close}
        onBack={list ? () => actor.send({ type: 'BACK' }) : undefined}
        onRetry={() => actor.send({ type: 'RETRY' })}
      />
    );
  }

  if (records.matches('reading') && record) {
    const printable = canStartPrint(kiosk, record.type);
    return (
      <ScreenFrame
        name="records"
        step="records-detail"
        title={<PlatformText>{record.title}</PlatformText>}
        actions={
          <>
            <BigButton tone="secondary" action="back" onPress={() => actor.send({ type: 'BACK' })}>
              {t('journey.back')}
            </BigButton>
            {printable ? (
              <BigButton action="print-record" onPress={() => actor.send({ type: 'PRINT' })}>
                {t('records.print')}
              </BigButton>
            ) : null}
          </>
        }
      >
        <div class="document" data-testid="record-view" data-record={record.type}>
          <dl class="document__facts">
            <div>
              <dt>{t('preview.holder')}</dt>
              <dd data-testid="record-name" lang={platformLanguage}>
                {record.holderMaskedName}
              </dd>
            </div>
            <div>
              <dt>{t('preview.idNumber')}</dt>
              <dd data-testid="record-id-number">{record.maskedIdNumber}</dd>
            </div>
            {record.fields.map((field) => (
              <div key={field.label} lang={platformLanguage}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
          {record.table && record.table.rows.length > 0 ? (
            <DocumentTable columns={record.table.columns} rows={record.table.rows} lang={platformLanguage} />
          ) : null}
          <p class="note">{t('records.asOf', { time: record.asOf })}</p>
        </div>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame name="records" title={t('records.title')} actions={<CloseJourney onClose={close} />}>
      <p class="lead">{t('records.choose')}</p>
      <ul class="service-list">
        {(list?.records ?? []).map((summary) => (
          <li key={summary.type}>
            <button
              type="button"
              class={`service-tile${summary.available ? '' : ' service-tile--unavailable'}`}
              data-action="open-record"
              data-record={summary.type}
              data-available={String(summary.available)}
              aria-disabled={!summary.available}
              onClick={() => (summary.available ? actor.send({ type: 'OPEN', recordType: summary.type }) : undefined)}
            >
              <span class="service-tile__text">
                <span class="service-tile__name" lang={platformLanguage}>
                  {summary.title}
                </span>
                {summary.available ? null : <span class="service-tile__hint service-tile__reason">{t('records.notHeld')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ScreenFrame>
  );
}
