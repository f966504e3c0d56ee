import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { PrintEvent } from '../flows/print.machine.ts';
import { printActorOf, type PrintActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { isMessageKey } from '../i18n/translate.ts';
import type { ScreenProps } from './screen-props.ts';

/** A failure of the print journey the citizen can act on: what happened in plain words, back to the menu, or exit / ask staff. */
export function ErrorScreen({ snapshot }: ScreenProps) {
  const actor = printActorOf(snapshot);
  // the print journey runs whenever its screens are up (session.screens.ts)
  return actor ? <PrintFailure actor={actor} /> : null;
}

function PrintFailure({ actor }: { actor: PrintActorRef }) {
  const { t } = useI18n();
  const print = useActorSnapshot(actor);
  const { failure } = print.context;
  const send = (event: PrintEvent) => actor.send(event);
  const key = `error.${failure ?? 'generic'}`;
  const canReprint = print.can({ type: 'REPRINT' });
  return (
    <ScreenFrame
      name="error"
      tone="warning"
      title={t('error.title')}
      actions={
        <>
          <BigButton tone={canReprint ? 'secondary' : 'primary'} action="done" onPress={() => send({ type: 'DONE' })}>
            {t('error.back')}
          </BigButton>
          {canReprint ? (
            // offered only while the printer works, for a failed job, once
            <BigButton action="reprint" onPress={() => send({ type: 'REPRINT' })}>
              {t('error.reprint')}
            </BigButton>
          ) : null}
        </>
      }
    >
      <p class="hero" role="alert" data-code={failure ?? 'generic'}>
        {isMessageKey(key) ? t(key) : t('error.generic')}
      </p>
    </ScreenFrame>
  );
}
