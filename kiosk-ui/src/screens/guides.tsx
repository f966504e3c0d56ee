import type { ServiceCategory, ServiceItem } from '@tongban/device-bridge/api';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useDisplayMode } from '../a11y/display-mode-context.ts';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { PlatformText, platformLanguage, useMixedText } from '../components/platform-text.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { guidesActorOf, type GuidesActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.tsx';
import type { ScreenProps } from './screen-props.ts';

/** 办事指南 from attract or the menu: the screen follows the guides journey (its child actor). */
export function GuidesScreen({ snapshot }: ScreenProps) {
  const actor = guidesActorOf(snapshot);
  const { t } = useI18n();
  if (!actor) {
    return (
      <ScreenFrame name="guides" title={t('guides.title')}>
        <div class="spinner" role="progressbar" aria-label={t('guides.loading')} />
      </ScreenFrame>
    );
  }
  return <GuidesJourney actor={actor} />;
}

function GuidesJourney({ actor }: { actor: GuidesActorRef }) {
  const { t } = useI18n();
  const { elder } = useDisplayMode();
  // kept here, not in the list: back from a guide returns to the same page of the list
  const [elderView, setElderView] = useState<ElderView>('categories');
  const guides = useActorSnapshot(actor);
  const { item, failure } = guides.context;
  const close = (
    <BigButton tone="secondary" action="close-guides" onPress={() => actor.send({ type: 'CLOSE' })}>
      {t('guides.close')}
    </BigButton>
  );

  if (guides.matches('reading') && item) {
    return (
      <ScreenFrame
        name="guides"
        step="guides-detail"
        title={<PlatformText>{item.name}</PlatformText>}
        actions={
          <>
            <BigButton tone="secondary" action="back" onPress={() => actor.send({ type: 'BACK' })}>
              {t('guides.back')}
            </BigButton>
            {close}
          </>
        }
      >
        <GuideDetail item={item} />
      </ScreenFrame>
    );
  }

  if (guides.matches('failed')) {
    return (
      <ScreenFrame
        name="guides"
        tone="warning"
        step="journey-failed"
        title={t('guides.title')}
        actions={
          <>
            {close}
            <BigButton action="retry" onPress={() => actor.send({ type: 'RETRY' })}>
              {t('guides.retry')}
            </BigButton>
          </>
        }
      >
        <p class="hero" role="alert" data-code={failure ?? 'generic'}>
          {t('guides.failed')}
        </p>
      </ScreenFrame>
    );
  }

  return elder ? (
    <ElderGuideList actor={actor} close={close} view={elderView} setView={setElderView} />
  ) : (
    <GuideList actor={actor} close={close} />
  );
}

function GuideList({ actor, close }: { actor: GuidesActorRef; close: ComponentChildren }) {
  const { t } = useI18n();
  const mixed = useMixedText();
  const guides = useActorSnapshot(actor);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const { query, category, results } = guides.context;
  const busy = guides.matches('searching') || guides.matches('typing') || guides.matches('opening');
  const setCategory = (next: ServiceCategory | null) => actor.send({ type: 'SET_CATEGORY', category: next });
  return (
    <ScreenFrame name="guides" title={t('guides.title')} actions={close}>
      <div class="guides">
        <div class="guides__search">
          <output class="guides__query" data-testid="guides-query" aria-label={t('guides.search')}>
            {query === '' ? (
              <span class="guides__placeholder">{mixed('guides.searchPlaceholder', {}, { example: t('guides.searchExample') })}</span>
            ) : (
              query
            )}
          </output>
          <button
            type="button"
            class="big-button big-button--secondary"
            data-action="toggle-keyboard"
            aria-expanded={keyboardOpen}
            onClick={() => setKeyboardOpen(!keyboardOpen)}
          >
            {keyboardOpen ? t('guides.searchClose') : t('guides.searchOpen')}
          </button>
        </div>
        {keyboardOpen ? (
          <OnScreenKeyboard
            value={query}
            maxLength={40}
            modes={['latin', 'pinyin']}
            onChange={(value) => actor.send({ type: 'SET_QUERY', query: value.toLowerCase() })}
          />
        ) : (
          <div class="guides__categories" role="group" aria-label={t('guides.title')}>
            <button
              type="button"
              class={`chip${category === null ? ' chip--active' : ''}`}
              data-action="category"
              data-category=""
              aria-pressed={category === null}
              onClick={() => setCategory(null)}
            >
              {t('guides.allCategories')}
            </button>
            {(results?.categories ?? []).map((entry) => (
              <button
                key={entry.category}
                type="button"
                class={`chip${category === entry.category ? ' chip--active' : ''}`}
                data-action="category"
                data-category={entry.category}
                aria-pressed={category === entry.category}
                onClick={() => setCategory(entry.category)}
              >
                <PlatformText>{entry.title}</PlatformText>
              </button>
            ))}
          </div>
        )}
        <GuideItems actor={actor} busy={busy} />
      </div>
    </ScreenFrame>
  );
}

/** The count, "nothing found" and the items found: one touch opens a guide. */
function GuideItems({ actor, busy }: { actor: GuidesActorRef; busy: boolean }) {
  const { t } = useI18n();
  const { results } = useActorSnapshot(actor).context;
  return (
    <>
      <p class="note" aria-live="polite" data-testid="guides-count">
        {busy ? t('guides.loading') : t('guides.count', { count: results?.items.length ?? 0 })}
      </p>
      {results && results.items.length === 0 && !busy ? <p class="notice">{t('guides.none')}</p> : null}
      <ul class="guides__items" data-choices="guides">
        {(results?.items ?? []).map((summary) => (
          <li key={summary.code}>
            <button
              type="button"
              class="guide-item"
              data-action="open-guide"
              data-code={summary.code}
              onClick={() => actor.send({ type: 'OPEN', code: summary.code })}
            >
              <span class="guide-item__name" lang={platformLanguage}>
                {summary.name}
              </span>
              <span class="guide-item__meta">
                <PlatformText>{summary.department}</PlatformText> · {t(`guides.kind.${summary.kind}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

type ElderView = 'categories' | 'search' | 'items';

/**
 * 关爱模式: one question per screen. First the category (or "search by name", set aside), then the
 * items of that category; searching is its own page (the keyboard, then "show the results").
 */
function ElderGuideList({
  actor,
  close,
  view,
  setView,
}: {
  actor: GuidesActorRef;
  close: ComponentChildren;
  view: ElderView;
  setView: (view: ElderView) => void;
}) {
  const { t } = useI18n();
  const mixed = useMixedText();
  const guides = useActorSnapshot(actor);
  const { query, category, results } = guides.context;
  const busy = guides.matches('searching') || guides.matches('typing') || guides.matches('opening');
  const back = (to: ElderView) => (
    <BigButton tone="secondary" action="back-to-categories" onPress={() => setView(to)}>
      {t('guides.categoriesBack')}
    </BigButton>
  );

  if (view === 'search') {
    return (
      <ScreenFrame
        name="guides"
        title={t('guides.searchByName')}
        step="guides-search"
        actions={
          <>
            {back('categories')}
            <BigButton action="show-results" disabled={busy} onPress={() => setView('items')}>
              {t('guides.showResults', { count: results?.items.length ?? 0 })}
            </BigButton>
          </>
        }
      >
        <div class="guides">
          <output class="guides__query" data-testid="guides-query" aria-label={t('guides.search')}>
            {query === '' ? (
              <span class="guides__placeholder">{mixed('guides.searchPlaceholder', {}, { example: t('guides.searchExample') })}</span>
            ) : (
              query
            )}
          </output>
          <OnScreenKeyboard
            value={query}
            maxLength={40}
            modes={['latin', 'pinyin']}
            onChange={(value) => actor.send({ type: 'SET_QUERY', query: value.toLowerCase() })}
          />
        </div>
      </ScreenFrame>
    );
  }

  if (view === 'items') {
    const categoryName = results?.categories.find((entry) => entry.category === category)?.title;
    const categoryTitle = categoryName === undefined ? undefined : <PlatformText>{categoryName}</PlatformText>;
    return (
      <ScreenFrame
        name="guides"
        title={query !== '' ? t('guides.results') : (categoryTitle ?? t('guides.allCategories'))}
        step="guides-items"
        actions={
          <>
            {back(query !== '' ? 'search' : 'categories')}
            {close}
          </>
        }
      >
        <div class="guides">
          <GuideItems actor={actor} busy={busy} />
        </div>
      </ScreenFrame>
    );
  }

  const choose = (next: ServiceCategory | null) => {
    // a category starts from all of it: an earlier search no longer narrows it
    if (query !== '') actor.send({ type: 'SET_QUERY', query: '' });
    actor.send({ type: 'SET_CATEGORY', category: next });
    setView('items');
  };
  return (
    <ScreenFrame
      name="guides"
      title={t('guides.chooseCategory')}
      step="guides-categories"
      actions={
        <>
          {close}
          <BigButton
            tone="secondary"
            action="toggle-keyboard"
            onPress={() => {
              // a search covers every category
              if (category !== null) actor.send({ type: 'SET_CATEGORY', category: null });
              setView('search');
            }}
          >
            {t('guides.searchByName')}
          </BigButton>
        </>
      }
    >
      <ul class="service-list menu-grid" data-choices="categories">
        <li>
          <button type="button" class="service-tile" data-action="category" data-category="" onClick={() => choose(null)}>
            <span class="service-tile__name">{t('guides.allCategories')}</span>
          </button>
        </li>
        {(results?.categories ?? []).map((entry) => (
          <li key={entry.category}>
            <button
              type="button"
              class="service-tile"
              data-action="category"
              data-category={entry.category}
              onClick={() => choose(entry.category)}
            >
              <span class="service-tile__text">
                <span class="service-tile__name" lang={platformLanguage}>
                  {entry.title}
                </span>
                <span class="service-tile__hint">{t('guides.count', { count: entry.count })}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ScreenFrame>
  );
}

function GuideDetail({ item }: { item: ServiceItem }) {
  const { t } = useI18n();
  const { guide } = item;
  const limit =
    guide.legalLimitDays === 0 && guide.promisedLimitDays === 0
      ? t('guides.limitImmediate')
      : t('guides.limitDays', { legal: guide.legalLimitDays, promised: guide.promisedLimitDays });
  return (
    <div class="guide-detail" data-testid="guide-detail" data-code={item.code} tabIndex={0}>
      <dl class="document__facts">
        <div>
          <dt>{t('guides.department')}</dt>
          <dd lang={platformLanguage}>{item.department}</dd>
        </div>
        <div>
          <dt>{t('guides.limit')}</dt>
          <dd>{limit}</dd>
        </div>
        <div>
          <dt>{t('guides.fee')}</dt>
          <dd lang={guide.fee === '' ? undefined : platformLanguage}>{guide.fee === '' ? t('guides.free') : guide.fee}</dd>
        </div>
      </dl>
      <h2>{t('guides.conditions')}</h2>
      <ul lang={platformLanguage}>
        {guide.conditions.map((condition) => (
          <li key={condition}>{condition}</li>
        ))}
      </ul>
      <h2>{t('guides.materials')}</h2>
      <ul data-testid="guide-materials">
        {guide.materials.map((material) => (
          <li key={material.id} data-material={material.id}>
            <strong lang={platformLanguage}>{material.name}</strong>
            {' — '}
            {material.source === 'shared'
              ? t('guides.material.shared')
              : `${t('guides.material.copies', { form: t(`guides.material.form.${material.form}`), copies: material.copies })} · ${
                  material.required ? t('guides.material.required') : t('guides.material.optional')
                }`}
            {material.note ? (
              <span class="note" lang={platformLanguage}>
                {' '}
                （{material.note}）
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t('guides.steps')}</h2>
      <ol lang={platformLanguage}>
        {guide.steps.map((stepText) => (
          <li key={stepText}>{stepText}</li>
        ))}
      </ol>
      <dl class="document__facts">
        <div>
          <dt>{t('guides.result')}</dt>
          <dd lang={platformLanguage}>{guide.result}</dd>
        </div>
        <div>
          <dt>{t('guides.where')}</dt>
          <dd lang={platformLanguage}>
            {guide.office}，{guide.address}
          </dd>
        </div>
        <div>
          <dt>{t('guides.hours')}</dt>
          <dd lang={platformLanguage}>{guide.hours}</dd>
        </div>
        <div>
          <dt>{t('guides.phone')}</dt>
          <dd>{guide.phone}</dd>
        </div>
      </dl>
      <h2>{t('guides.legalBasis')}</h2>
      <ul lang={platformLanguage}>
        {guide.legalBasis.map((basis) => (
          <li key={basis}>{basis}</li>
        ))}
      </ul>
    </div>
  );
}
