import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { DocumentTable } from '../components/document-table.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { platformLanguage } from '../components/platform-text.tsx';
import type { PrintEvent } from '../flows/print.machine.ts';
import { printActorOf, type PrintActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { formatFen } from './money.ts';
import type { ScreenProps } from './screen-props.ts';

/** The same (masked) data the paper will carry, to check before printing. */
export function CertificatePreviewScreen({ snapshot }: ScreenProps) {
  const actor = printActorOf(snapshot);
  // the print journey runs whenever its screens are up; until it answers the preview is loading
  if (!actor) return <PreviewLoading />;
  return <CertificatePreview actor={actor} canPrint={snapshot.context.kiosk.capabilities.printCertificate} />;
}

function PreviewLoading() {
  const { t } = useI18n();
  return (
    <ScreenFrame name="certificate-preview" title={t('preview.title')}>
      <div class="spinner" role="progressbar" aria-label={t('preview.loading')} />
      <p class="lead" data-testid="preview-loading">
        {t('preview.loading')}
      </p>
    </ScreenFrame>
  );
}

function CertificatePreview({ actor, canPrint }: { actor: PrintActorRef; canPrint: boolean }) {
  const { t } = useI18n();
  const print = useActorSnapshot(actor);
  const { preview } = print.context;
  const send = (event: PrintEvent) => actor.send(event);
  if (preview && print.matches({ preview: 'copies' })) {
    return (
      <ScreenFrame
        name="certificate-preview"
        step="print-copies"
        title={t('copies.title')}
        actions={
          <BigButton tone="secondary" action="back" onPress={() => send({ type: 'BACK' })}>
            {t('preview.back')}
          </BigButton>
        }
      >
        <p class="lead" lang={platformLanguage}>
          {preview.title}
        </p>
        <p class="note">{t('copies.body')}</p>
        <div class="rating-grades copies" role="group" aria-label={t('copies.title')}>
          {[1, 2, 3].map((count) => (
            <button
              key={count}
              type="button"
              class="rating-button"
              data-action="copies"
              data-copies={String(count)}
              onClick={() => send({ type: 'PRINT_COPIES', copies: count })}
            >
              {t('copies.option', { count })}
            </button>
          ))}
        </div>
      </ScreenFrame>
    );
  }
  if (!preview) return <PreviewLoading />;
  return (
    <ScreenFrame
      name="certificate-preview"
      title={t('preview.title')}
      actions={
        <>
          <BigButton tone="secondary" action="back" onPress={() => send({ type: 'BACK' })}>
            {t('preview.back')}
          </BigButton>
          {canPrint ? (
            <BigButton action="print" onPress={() => send({ type: 'PRINT' })}>
              {t('preview.print')}
            </BigButton>
          ) : null}
        </>
      }
    >
      <div class="document">
        <h2 class="document__title" lang={platformLanguage}>
          {preview.title}
        </h2>
        <dl class="document__facts">
          <div>
            <dt>{t('preview.holder')}</dt>
            <dd data-testid="preview-name" lang={platformLanguage}>
              {preview.holderMaskedName}
            </dd>
          </div>
          <div>
            <dt>{t('preview.idNumber')}</dt>
            <dd data-testid="preview-id-number">{preview.maskedIdNumber}</dd>
          </div>
          <div>
            <dt>{t('preview.issuer')}</dt>
            <dd lang={platformLanguage}>{preview.issuer}</dd>
          </div>
        </dl>
        {preview.fields.length > 0 ? (
          <dl class="document__facts" data-testid="preview-fields" lang={platformLanguage}>
            {preview.fields.map((field) => (
              <div key={field.label}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {preview.statement ? (
          <p class="document__statement" lang={platformLanguage}>
            {preview.statement}
          </p>
        ) : null}
        {preview.table !== null && preview.table.rows.length > 0 ? (
          // every certificate type's table arrives display-ready from the bridge, as it is printed
          <DocumentTable columns={preview.table.columns} rows={preview.table.rows} testId="preview-table" lang={platformLanguage} />
        ) : preview.rows.length === 0 ? (
          preview.fields.length === 0 ? (
            <p class="lead">{t('preview.empty')}</p>
          ) : null
        ) : (
          <div class="document__table" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('preview.month')}</th>
                  <th scope="col">{t('preview.employer')}</th>
                  <th scope="col" class="number">
                    {t('preview.base')}
                  </th>
                  <th scope="col" class="number">
                    {t('preview.employerAmount')}
                  </th>
                  <th scope="col" class="number">
                    {t('preview.personalAmount')}
                  </th>
                  <th scope="col">{t('preview.status')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={`${row.month}-${row.employer}`}>
                    <td>{row.month}</td>
                    <td lang={platformLanguage}>{row.employer}</td>
                    <td class="number">{formatFen(row.baseFen)}</td>
                    <td class="number">{formatFen(row.employerFen)}</td>
                    <td class="number">{formatFen(row.personalFen)}</td>
                    <td class={row.status === 'owed' ? 'owed' : undefined}>{t(`preview.status.${row.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="note">{t('preview.pages', { pages: preview.pages })}</p>
      </div>
      {!canPrint ? (
        <p class="notice" role="status">
          {t('preview.printingUnavailable')}
        </p>
      ) : null}
    </ScreenFrame>
  );
}
