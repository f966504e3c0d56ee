import type { ComponentType } from 'preact';
import type { ScreenName } from '../flows/session.screens.ts';
import { AttractScreen } from './attract.tsx';
import { CardReadingScreen } from './card-reading.tsx';
import { CardRejectedScreen } from './card-rejected.tsx';
import { CertificatePreviewScreen } from './certificate-preview.tsx';
import { ErrorScreen } from './error.tsx';
import { GoodbyeScreen } from './goodbye.tsx';
import { GreetingScreen } from './greeting.tsx';
import { lazyScreen } from './lazy-screen.tsx';
import { MenuScreen } from './menu.tsx';
import { OutOfServiceScreen } from './out-of-service.tsx';
import { PrintingScreen } from './printing.tsx';
import { AppointmentScreen } from './appointment.tsx';
import { ProgressScreen } from './progress.tsx';
import { QueueScreen } from './queue.tsx';
import { RatingScreen } from './rating.tsx';
import { RecordsScreen } from './records.tsx';
import type { ScreenProps } from './screen-props.ts';
import { TakeDocumentScreen } from './take-document.tsx';
import './journeys.css';

/** One component per screen name; the Record type makes a missing screen a compile error. */
export const screenComponents: Record<ScreenName, ComponentType<ScreenProps>> = {
  attract: AttractScreen,
  'card-reading': CardReadingScreen,
  'card-rejected': CardRejectedScreen,
  greeting: GreetingScreen,
  menu: MenuScreen,
  apply: lazyScreen('apply', 'apply.title', () => import('./apply.tsx').then((module) => module.ApplyScreen)),
  records: RecordsScreen,
  progress: ProgressScreen,
  queue: QueueScreen,
  appointment: AppointmentScreen,
  guides: lazyScreen('guides', 'guides.title', () => import('./guides.tsx').then((module) => module.GuidesScreen)),
  'certificate-preview': CertificatePreviewScreen,
  printing: PrintingScreen,
  'take-document': TakeDocumentScreen,
  rating: RatingScreen,
  goodbye: GoodbyeScreen,
  'out-of-service': OutOfServiceScreen,
  error: ErrorScreen,
};
