import { PrinterIcon } from '../components/icons.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

/** Only what works now is offered; when printing is down the citizen is told so and what to do instead. */
export function MenuScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const { capabilities, services } = snapshot.context.kiosk;
  const offered = capabilities.printCertificate ? services : [];
  return (
    <ScreenFrame name="menu" title={t('menu.title')}>
      {offered.length > 0 ? (
        <ul class="service-list">
          {offered.map((service) => (
            <li key={service.type}>
              <button
                type="button"
                class="service-tile"
                data-action="service"
                data-service={service.type}
                onClick={() => send({ type: 'SELECT_SERVICE', service: service.type })}
              >
                <span class="service-tile__icon" aria-hidden="true">
                  <PrinterIcon size={84} />
                </span>
                <span class="service-tile__text">
                  <span class="service-tile__name">{t(`menu.service.${service.type}`)}</span>
                  <span class="service-tile__hint">{t(`menu.serviceHint.${service.type}`)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!capabilities.printCertificate ? (
        <div class="notice" role="status" data-testid="printing-unavailable">
          <p>{t('menu.printingUnavailable')}</p>
          <p>{t('menu.stillWorks')}</p>
        </div>
      ) : offered.length === 0 ? (
        <p class="notice">{t('menu.nothingAvailable')}</p>
      ) : null}
    </ScreenFrame>
  );
}
