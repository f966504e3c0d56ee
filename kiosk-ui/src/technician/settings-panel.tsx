import { useState } from 'preact/hooks';
import type { SnapshotFrom } from 'xstate';
import type { TechnicianEvent, technicianMachine } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.tsx';
import { textFields } from './settings-draft.ts';

const fieldLabels: Record<string, MessageKey> = {
  'kiosk.siteName': 'technician.settings.siteName',
  'kiosk.helpPhone': 'technician.settings.helpPhone',
  'session.idleTimeoutSeconds': 'technician.settings.idleTimeout',
};

/** Hall name, phone, idle limit, and serial ports picked from those detected; checked, then applied. */
export function SettingsPanel({ snapshot, send }: { snapshot: SnapshotFrom<typeof technicianMachine>; send: (event: TechnicianEvent) => void }) {
  const { t } = useI18n();
  const { draft, ports, problems, settingsState } = snapshot.context;
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
  const portFields = Object.keys(draft).filter((field) => field.endsWith('.path'));
  return (
    <div class="technician__settings" data-settings-state={settingsState}>
      {textFields.map((field) => (
        <div class="technician__field" key={field}>
          <span>{t(fieldLabels[field]!)}</span>
          <button type="button" class="tool-button" data-settings-field={field} onClick={() => setEditing(editing === field ? null : field)}>
            {draft[field] || '—'}
          </button>
        </div>
      ))}
      {editing ? (
        <OnScreenKeyboard
          value={draft[editing] ?? ''}
          onChange={(value) => send({ type: 'EDIT', field: editing, value })}
          modes={editing === 'kiosk.siteName' ? ['pinyin', 'latin', 'digits'] : ['digits']}
          maxLength={editing === 'kiosk.siteName' ? 60 : 20}
        />
      ) : null}
      {portFields.map((field) => (
        <div class="technician__field" key={field}>
          <span>{field.split('.')[1]}</span>
          {ports.length === 0 ? <span>{t('technician.settings.noPorts')}</span> : null}
          {ports.map((port) => (
            <button type="button" class="tool-button" aria-pressed={draft[field] === port} data-settings-port={port} onClick={() => send({ type: 'EDIT', field, value: port })}>
              {port}
            </button>
          ))}
        </div>
      ))}
      {problems.length > 0 ? (
        <ul class="technician__notice" role="alert" data-settings-problems="">
          {problems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      ) : null}
      {settingsState === 'valid' ? <p class="technician__notice">{t('technician.settings.valid')}</p> : null}
      <div class="technician__bar">
        <button type="button" class="tool-button" data-action="technician-settings-validate" disabled={busy} onClick={() => send({ type: 'VALIDATE' })}>
          {t('technician.settings.validate')}
        </button>
        <button type="button" class="tool-button" data-action="technician-settings-apply" disabled={busy} onClick={() => send({ type: 'APPLY' })}>
          {t('technician.settings.apply')}
        </button>
      </div>
    </div>
  );
}
