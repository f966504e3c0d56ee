import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/language-context.tsx';
import { useFocusOnMount } from '../a11y/focus.ts';
import type { BridgeClient } from '../bridge/client.ts';
import { callStaff, type StaffCallOutcome } from './call-staff.ts';

/**
 * "呼叫工作人员 / Call staff": opening the dialog sends the call (screen name only) to the bridge,
 * which raises `staff-called` for the staff display and monitoring. The dialog says whether the
 * call went out; if not, it says how to reach a person anyway, with the hall's phone number.
 */
export function HelpDialog({
  client,
  helpPhone,
  screen,
  onClose,
  onOutcome,
}: {
  client: Pick<BridgeClient, 'callStaff'>;
  helpPhone: string;
  screen: string;
  onClose: () => void;
  onOutcome?: (outcome: StaffCallOutcome) => void;
}) {
  const { t } = useI18n();
  const closeRef = useFocusOnMount<HTMLButtonElement>();
  const [outcome, setOutcome] = useState<StaffCallOutcome | null>(null);
  useEffect(() => {
    let live = true;
    void callStaff(client, screen).then((result) => {
      if (!live) return;
      setOutcome(result);
      onOutcome?.(result);
    });
    return () => {
      live = false;
    };
    // one call per opening of the dialog, for the screen it was opened on
  }, []);
  const title = outcome === 'failed' ? t('staff.failedTitle') : outcome === 'called' ? t('staff.calledTitle') : t('staff.calling');
  return (
    <div
      class="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      data-testid="staff-dialog"
      data-call={outcome ?? 'pending'}
    >
      <div class="overlay__panel">
        <h2 id="help-title" class="overlay__title" aria-live="polite">
          {title}
        </h2>
        {outcome ? <p class="overlay__body">{outcome === 'called' ? t('staff.calledBody') : t('staff.failedBody')}</p> : null}
        {helpPhone ? <p class="overlay__body overlay__phone">{t('help.phone', { phone: helpPhone })}</p> : null}
        <div class="overlay__actions">
          <button type="button" ref={closeRef} class="big-button big-button--primary" data-action="close-help" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
