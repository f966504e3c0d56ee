import type { SessionSnapshot } from '../flows/session.screens.ts';
import type { SessionEvent } from '../flows/session.types.ts';

export interface ScreenProps {
  snapshot: SessionSnapshot;
  send: (event: SessionEvent) => void;
}
