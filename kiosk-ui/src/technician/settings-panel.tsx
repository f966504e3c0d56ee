import { useState } from 'preact/hooks';
import type { SnapshotFrom } from 'xstate';
import type { TechnicianEvent, technicianMachine } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { languageInfo } from '../i18n/languages.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.tsx';
import { baudRates, deviceFields, fixedFields, toggleLanguage, type FieldKind } from './settings-draft.ts';

const fieldLabels: Record<string, MessageKey> = {
  'kiosk.siteName': 'technician.settings.siteName',
  'kiosk.helpPhone': 'technician.settings.helpPhone',
  'session.idleTimeoutSeconds': 'technician.settings.idleTimeout',
  'session.countdownSeconds': 'technician.settings.countdown',
  'technician.inactivityTimeoutSeconds': 'technician.settings.technicianIdle',
  'kiosk.languages': 'technician.settings.languages',
  'fleet.mqtt.enabled': 'technician.settings.mqttEnabled',
  'fleet.mqtt.url': 'technician.settings.mqttUrl',
};
const deviceLabels: Record<string, MessageKey> = {
  path: 'technician.settings.port',
  baudRate: 'technician.settings.baud',
  queue: 'technician.settings.queue',
};
/** the kiosk keyboard has no punctuation: these keys make a broker URL typable */
const urlSymbols = [':', '/', '.', '-', '_'];

type Field = { field: string } & FieldKind;

/**
 * Hall name, phone, timeouts, languages, the fleet link, and per device its serial port, baud rate
 * or CUPS queue — each picked from what the kiosk detected where it can be. Checked by the bridge
 * with the start-up schema, then applied (and rolled back if a device does not come up).
 */
export function SettingsPanel({
  snapshot,
  send,
}: {
  snapshot: SnapshotFrom<typeof technicianMachine>;
  send: (event: TechnicianEvent) => void;
}) {
  const { t } = useI18n();
  const { draft, baseline, ports, cupsQueues, languages, problems, settingsState } = snapshot.context;
  const [editing, setEditing] = useState<string | null>(null);
  const busy = snapshot.matches({ panel: { settings: 'validating' } }) || snapshot.matches({ panel: { settings: 'applying' } });
  if (snapshot.matches({ panel: { settings: 'loading' } })) return <p>{t('technician.settings.loading')}</p>;
  if (settingsState === 'applied') {
    return (
      <p class="technician__notice" role="status" data-settings-state="applied">
        {t('technician.settings.applied')}
      </p>
    );
  }
  const edit = (field: string, value: string) => send({ type: 'EDIT', field, value });
  const choices = (field: string, options: readonly string[], empty: MessageKey) =>
    options.length === 0 ? (
      <span>{t(empty)}</span>
    ) : (
      options.map((option) => (
        <button
          type="button"
          class="tool-button"
          key={option}
          aria-pressed={draft[field] === option}
          data-settings-choice={option}
          onClick={() => edit(field, option)}
        >
          {option}
        </button>
      ))
    );
  const control = (spec: Field) => {
    const value = draft[spec.field] ?? '';
    switch (spec.kind) {
      case 'text':
      case 'seconds':
        return (
          <button
            type="button"
            class="tool-button"
            data-settings-field={spec.field}
            onClick={() => setEditing(editing === spec.field ? null : spec.field)}
          >
            {value || '—'}
          </button>
        );
      case 'toggle':
        return (
          <button
            type="button"
            class="tool-button"
            data-settings-field={spec.field}
            aria-pressed={value === 'true'}
            onClick={() => edit(spec.field, value === 'true' ? 'false' : 'true')}
          >
            {t(value === 'true' ? 'technician.settings.on' : 'technician.settings.off')}
          </button>
        );
      case 'languages': {
        const on = value.split(',');
        return languages.map((tag) => (
          <button
            type="button"
            class="tool-button"
            key={tag}
            lang={tag}
            aria-pressed={on.includes(tag)}
            disabled={tag === 'zh-CN'}
            data-settings-language={tag}
            onClick={() => edit(spec.field, toggleLanguage(value, tag))}
          >
            {languageInfo(tag).name}
          </button>
        ));
      }
      case 'port':
        return choices(spec.field, ports, 'technician.settings.noPorts');
      case 'baud':
        return choices(spec.field, baudRates, 'technician.settings.noPorts');
      case 'cups-queue':
        return choices(spec.field, cupsQueues, 'technician.settings.noQueues');
    }
  };
  const label = ({ field }: Field) => {
    const fixed = fieldLabels[field];
    if (fixed) return t(fixed);
    const [, device = '', key = ''] = field.split('.');
    return t(deviceLabels[key] ?? 'technician.settings.port', { device });
  };
  const editingSpec = [...fixedFields].find((spec) => spec.field === editing);
  const rows: Field[] = [...fixedFields, ...deviceFields(snapshot.context.effective)];
  return (
    <div class="technician__settings" data-settings-state={settingsState}>
      {rows.map((spec) => (
        <div
          class="technician__field"
          key={spec.field}
          data-settings-row={spec.field}
          data-changed={String(draft[spec.field] !== baseline[spec.field])}
        >
          <span>{label(spec)}</span>
          {control(spec)}
        </div>
      ))}
      {editing && editingSpec && (editingSpec.kind === 'text' || editingSpec.kind === 'seconds') ? (
        <>
          <OnScreenKeyboard
            value={draft[editing] ?? ''}
            // the latin keys type capitals; a broker URL is lower case (scheme and host name alike)
            onChange={(value) => edit(editing, editingSpec.kind === 'text' && editingSpec.symbols ? value.toLowerCase() : value)}
            modes={editingSpec.kind === 'text' ? editingSpec.keyboard : ['digits']}
            maxLength={editingSpec.maxLength}
          />
          {editingSpec.kind === 'text' && editingSpec.symbols ? (
            <div class="technician__bar">
              {urlSymbols.map((symbol) => (
                <button
                  type="button"
                  class="key"
                  key={symbol}
                  data-key={symbol}
                  onClick={() => edit(editing, (draft[editing] ?? '') + symbol)}
                >
                  {symbol}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      {problems.length > 0 ? (
        <ul class="technician__notice" role="alert" data-settings-problems="">
          {problems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      ) : null}
      {settingsState === 'valid' ? <p class="technician__notice">{t('technician.settings.valid')}</p> : null}
      <div class="technician__bar">
        <button
          type="button"
          class="tool-button"
          data-action="technician-settings-validate"
          disabled={busy}
          onClick={() => send({ type: 'VALIDATE' })}
        >
          {t('technician.settings.validate')}
        </button>
        <button
          type="button"
          class="tool-button"
          data-action="technician-settings-apply"
          disabled={busy}
          onClick={() => send({ type: 'APPLY' })}
        >
          {t('technician.settings.apply')}
        </button>
      </div>
    </div>
  );
}
