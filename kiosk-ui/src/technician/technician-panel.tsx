import type { SnapshotFrom } from 'xstate';
import type { TechnicianEvent, technicianMachine } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { PrintProblems } from './print-problems.tsx';
import { SettingsPanel } from './settings-panel.tsx';

/** Device status with details and a self-test per device, or the audit log. */
export function TechnicianPanel({
  snapshot,
  send,
}: {
  snapshot: SnapshotFrom<typeof technicianMachine>;
  send: (event: TechnicianEvent) => void;
}) {
  const { t } = useI18n();
  const { devices, results, testing, audit, printProblems, bundleExport } = snapshot.context;
  const exporting = snapshot.matches({ panel: { devices: 'exporting' } });
  const onAudit = snapshot.matches({ panel: 'audit' });
  const onSettings = snapshot.matches({ panel: 'settings' });
  const onLog = snapshot.matches({ panel: 'log' });
  return (
    <section class="technician__panel" data-technician-screen={onSettings ? 'settings' : onLog ? 'log' : onAudit ? 'audit' : 'devices'}>
      <header class="technician__bar">
        <h1 class="technician__title">{t('technician.title')}</h1>
        <button
          type="button"
          class="tool-button"
          data-action="technician-devices"
          aria-pressed={!onAudit && !onSettings && !onLog}
          onClick={() => send({ type: 'SHOW_DEVICES' })}
        >
          {t('technician.devices')}
        </button>
        <button
          type="button"
          class="tool-button"
          data-action="technician-audit"
          aria-pressed={onAudit}
          onClick={() => send({ type: 'SHOW_AUDIT' })}
        >
          {t('technician.audit')}
        </button>
        <button
          type="button"
          class="tool-button"
          data-action="technician-log"
          aria-pressed={onLog}
          onClick={() => send({ type: 'SHOW_LOG' })}
        >
          {t('technician.log')}
        </button>
        <button
          type="button"
          class="tool-button"
          data-action="technician-settings"
          aria-pressed={onSettings}
          onClick={() => send({ type: 'SHOW_SETTINGS' })}
        >
          {t('technician.settings')}
        </button>
        <button type="button" class="tool-button" data-action="technician-logout" onClick={() => send({ type: 'LOGOUT' })}>
          {t('technician.logout')}
        </button>
      </header>
      {snapshot.context.notice === 'failed' ? (
        <p class="technician__notice" role="alert">
          {t('technician.notice.failed')}
        </p>
      ) : null}
      {onSettings ? (
        <SettingsPanel snapshot={snapshot} send={send} />
      ) : onLog ? (
        <table class="technician__table" data-technician-log="">
          <tbody>
            {snapshot.context.log.map((line, index) => (
              <tr key={index}>
                <td>{line.time.replace('T', ' ').slice(0, 19)}</td>
                <td>{line.level}</td>
                <td>{line.event}</td>
                <td>{line.message}</td>
                <td>{line.fields === '{}' ? '' : line.fields}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : onAudit ? (
        <table class="technician__table" data-technician-audit="">
          <tbody>
            {audit.length === 0 ? (
              <tr>
                <td>{t('technician.audit.empty')}</td>
              </tr>
            ) : (
              audit.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.outcome}</td>
                  <td>{entry.detail ?? ''}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : (
        <>
          <ul class="technician__devices">
            {devices.map(({ status, config, selfTest, paperRefills, paper }) => {
              const result = results[status.id];
              const details = Object.entries(config)
                .filter(([key]) => key !== 'driver')
                .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
                .join(' · ');
              return (
                <li class="technician__device" key={status.id} data-device={status.id} data-device-state={status.state}>
                  <div>
                    <strong>{status.id}</strong> <span>{status.driver}</span>
                    <div class={`technician__state technician__state--${status.state}`}>
                      {t(`technician.state.${status.state}`)}
                      {status.reason ? ` (${status.reason})` : ''}
                    </div>
                    {details ? <div class="technician__details">{details}</div> : null}
                    {/* what the hardware says about itself: the SAM module id, CUPS's printer-state-reasons word for word */}
                    {status.detail ? (
                      <div class="technician__details" data-device-detail="">
                        {status.detail}
                      </div>
                    ) : null}
                    {paper ? (
                      <div
                        class={`technician__state technician__state--${paper === 'ok' ? 'ready' : paper === 'low' ? 'degraded' : 'fault'}`}
                        data-paper={paper}
                      >
                        {t('technician.detail.paper', { level: t(`technician.detail.paper.${paper}`) })}
                      </div>
                    ) : null}
                    {status.id === 'a4-printer' && printProblems.length > 0 ? (
                      <div class="technician__state technician__state--fault" data-print-problems-waiting={String(printProblems.length)}>
                        {t('technician.printProblems.waiting', { count: printProblems.length })}
                      </div>
                    ) : null}
                    {result ? (
                      <div class="technician__result" data-self-test-result={result.ok ? 'ok' : 'failed'}>
                        {t(result.ok ? 'technician.result.ok' : 'technician.result.failed')}: {result.detail}
                      </div>
                    ) : null}
                  </div>
                  {paperRefills !== undefined ? (
                    <button
                      type="button"
                      class="tool-button"
                      data-action="technician-paper-refilled"
                      data-paper-refills={String(paperRefills)}
                      onClick={() => send({ type: 'PAPER_REFILLED', device: status.id })}
                    >
                      {t('technician.paperRefilled', { count: paperRefills })}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    class="tool-button"
                    data-action="technician-self-test"
                    disabled={testing !== null}
                    onClick={() => send({ type: 'SELF_TEST', device: status.id })}
                  >
                    {testing === status.id ? t('technician.testing') : t(`technician.selfTest.${selfTest}`)}
                  </button>
                </li>
              );
            })}
          </ul>
          <PrintProblems problems={printProblems} send={send} />
          <div class="technician__bar">
            <button
              type="button"
              class="tool-button"
              data-action="technician-export-bundle"
              disabled={exporting}
              onClick={() => send({ type: 'EXPORT_BUNDLE' })}
            >
              {exporting ? t('technician.bundle.exporting') : t('technician.bundle.export')}
            </button>
          </div>
          {bundleExport ? (
            <p class="technician__notice" role="status" data-bundle-export={bundleExport.where}>
              {t(bundleExport.where === 'usb' ? 'technician.bundle.usb' : 'technician.bundle.kiosk', {
                file: bundleExport.file,
                size: Math.max(1, Math.round(bundleExport.bytes / 1024)),
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
