import { BigButton } from '../components/big-button.tsx';
import { DocumentIcon, IdCardIcon } from '../components/icons.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function TakeDocumentScreen({ send }: ScreenProps) {
  const { t } = useI18n();
  return (
    <ScreenFrame
      name="take-document"
      title={t('takeDocument.title')}
      actions={
        <BigButton action="done" onPress={() => send({ type: 'DONE' })}>
          {t('takeDocument.done')}
        </BigButton>
      }
    >
      <p class="hero">{t('takeDocument.body')}</p>
      <div class="take-icons" aria-hidden="true">
        <DocumentIcon size={140} />
        <IdCardIcon size={140} />
      </div>
    </ScreenFrame>
  );
}
