import { useI18n } from '../i18n/language-context.tsx';

/** Where the kiosk is and whom to call: on every screen (consistent help, WCAG 3.2.6). */
export function Footer({ siteName, helpPhone }: { siteName: string; helpPhone: string }) {
  const { t } = useI18n();
  return (
    <footer class="footer">
      <span>{siteName ? t('footer.site', { site: siteName }) : ''}</span>
      <span>{helpPhone ? t('footer.phone', { phone: helpPhone }) : ''}</span>
    </footer>
  );
}
