import { useState } from 'preact/hooks';
import { useDisplayMode } from '../a11y/display-mode-context.ts';
import { BigButton } from '../components/big-button.tsx';
import { DocumentIcon, PrinterIcon } from '../components/icons.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { menuEntries, menuGroupOf, menuGroups, type MenuEntry, type MenuGroup } from '../flows/menu.ts';
import type { SessionEvent } from '../flows/session.types.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

function eventOf(entry: MenuEntry): SessionEvent {
  switch (entry.journey) {
    case 'print-certificate':
      return { type: 'SELECT_SERVICE', service: entry.service };
    case 'records':
      return { type: 'OPEN_RECORDS' };
    case 'progress':
      return { type: 'OPEN_PROGRESS' };
    case 'apply':
      return { type: 'OPEN_APPLY' };
    case 'queue':
      return { type: 'OPEN_QUEUE' };
    case 'appointment':
      return { type: 'OPEN_APPOINTMENT' };
  }
}

/**
 * Every service this kiosk implements, each with whether it works now. One that does not stays on
 * the menu, greyed, with the reason and what to do instead, so nobody searches for a missing item.
 * 关爱模式 (one decision per screen): first the kind of thing (print, look up, apply/book/queue,
 * guides), then the items of that kind, with a way back.
 */
export function MenuScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const { elder } = useDisplayMode();
  const [group, setGroup] = useState<MenuGroup | null>(null);
  const { kiosk } = snapshot.context;
  const entries = menuEntries(kiosk);
  const printingDown = entries.some((entry) => entry.reason === 'printer');
  const platformDown = !kiosk.platformReachable;
  const nameOf = (entry: MenuEntry) =>
    entry.journey === 'print-certificate' ? t(`menu.service.${entry.service}`) : t(`menu.${entry.journey}`);
  const hintOf = (entry: MenuEntry) => {
    if (entry.journey === 'print-certificate') return t(`menu.serviceHint.${entry.service}`);
    // with the platform away an application still goes in: say that it waits here
    if (entry.journey === 'apply' && platformDown) return t('menu.applyHintOffline');
    return t(`menu.${entry.journey}Hint`);
  };
  const openGuides = () => send({ type: 'OPEN_GUIDES' });

  const tile = (entry: MenuEntry) => {
    const name = nameOf(entry);
    return (
      <li key={entry.id}>
        <button
          type="button"
          class={`service-tile${entry.available ? '' : ' service-tile--unavailable'}`}
          data-action="service"
          data-service={entry.id}
          data-available={String(entry.available)}
          aria-disabled={!entry.available}
          aria-label={entry.available ? undefined : t('menu.unavailableLabel', { name })}
          aria-describedby={entry.available ? undefined : `menu-reason-${entry.id}`}
          // a greyed tile shows its reason instead of doing nothing silently
          onClick={() => (entry.available ? send(eventOf(entry)) : undefined)}
        >
          <span class="service-tile__icon" aria-hidden="true">
            {entry.journey === 'print-certificate' ? <PrinterIcon size={84} /> : <DocumentIcon size={84} />}
          </span>
          <span class="service-tile__text">
            <span class="service-tile__name">{name}</span>
            {entry.available ? (
              <span class="service-tile__hint">{hintOf(entry)}</span>
            ) : (
              <span class="service-tile__hint service-tile__reason" id={`menu-reason-${entry.id}`} data-reason={entry.reason ?? ''}>
                {t(`menu.unavailable.${entry.reason ?? 'printer'}`)}
              </span>
            )}
          </span>
        </button>
      </li>
    );
  };

  const notices = platformDown ? (
    <div class="notice" role="status" data-testid="platform-unavailable">
      <p>{t('menu.platformUnavailable')}</p>
      <p>{t('menu.applyStillWorks')}</p>
    </div>
  ) : printingDown ? (
    <div class="notice" role="status" data-testid="printing-unavailable">
      <p>{t('menu.printingUnavailable')}</p>
      <p>{t('menu.stillWorks')}</p>
    </div>
  ) : null;

  if (elder && group !== null) {
    return (
      <ScreenFrame
        name="menu"
        title={t(`menu.group.${group}`)}
        step={`menu-group-${group}`}
        actions={
          <BigButton tone="secondary" action="menu-groups" onPress={() => setGroup(null)}>
            {t('menu.groupsBack')}
          </BigButton>
        }
      >
        <ul class="service-list menu-grid" data-choices="menu" data-group={group}>
          {entries.filter((entry) => menuGroupOf(entry) === group).map(tile)}
        </ul>
        {notices}
      </ScreenFrame>
    );
  }

  if (elder) {
    return (
      <ScreenFrame name="menu" title={t('menu.title')} step="menu-groups">
        <ul class="service-list menu-grid" data-choices="menu-groups">
          {menuGroups
            .filter((candidate) => entries.some((entry) => menuGroupOf(entry) === candidate))
            .map((candidate) => (
              <li key={candidate}>
                <button
                  type="button"
                  class="service-tile"
                  data-action="menu-group"
                  data-group={candidate}
                  onClick={() => setGroup(candidate)}
                >
                  <span class="service-tile__icon" aria-hidden="true">
                    {candidate === 'print' ? <PrinterIcon size={84} /> : <DocumentIcon size={84} />}
                  </span>
                  <span class="service-tile__text">
                    <span class="service-tile__name">{t(`menu.group.${candidate}`)}</span>
                    <span class="service-tile__hint">{t(`menu.groupHint.${candidate}`)}</span>
                  </span>
                </button>
              </li>
            ))}
          <li>
            <button type="button" class="service-tile" data-action="open-guides" onClick={openGuides}>
              <span class="service-tile__icon" aria-hidden="true">
                <DocumentIcon size={84} />
              </span>
              <span class="service-tile__text">
                <span class="service-tile__name">{t('guides.open')}</span>
                <span class="service-tile__hint">{t('menu.groupHint.guides')}</span>
              </span>
            </button>
          </li>
        </ul>
        {notices}
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame name="menu" title={t('menu.title')}>
      {entries.length > 0 ? (
        <ul class="service-list menu-grid">{entries.map(tile)}</ul>
      ) : (
        <p class="notice">{t('menu.nothingAvailable')}</p>
      )}
      <button type="button" class="big-button big-button--secondary" data-action="open-guides" onClick={openGuides}>
        {t('guides.open')}
      </button>
      {notices}
    </ScreenFrame>
  );
}
