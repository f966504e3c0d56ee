import type { CertificateType } from '@tongban/device-bridge/api';
import type { KioskStatus } from './session.types.ts';

/**
 * Why a menu item cannot be used right now, in words the citizen can act on (the screen turns the
 * reason into a sentence: "the printer is out of order, ask staff or come back later").
 */
export type UnavailableReason = 'printer';

interface EntryBase {
  /** stable id for the selector contract (`data-service`) */
  id: string;
  available: boolean;
  reason: UnavailableReason | null;
}

/** One tile of the menu: what it starts, whether it works now, and why not. */
export type MenuEntry =
  | (EntryBase & { journey: 'print-certificate'; service: CertificateType })
  | (EntryBase & { journey: 'apply' | 'records' | 'progress' | 'queue' | 'appointment' });

/**
 * Journeys that need only the platform (which answers for itself: a failure says "the service
 * system cannot be reached" on the journey's own screen).
 */
const platformJourneys = ['apply', 'records', 'progress', 'appointment', 'queue'] as const;

/**
 * The menu, derived from what the bridge reports (health capabilities + the services it offers).
 * Items whose device is down stay on the menu, greyed with the reason, so a citizen who came for
 * them learns at once that today it must be done at a window; only journeys this kiosk really
 * implements are listed at all.
 */
export function menuEntries(kiosk: KioskStatus): MenuEntry[] {
  const printer = kiosk.capabilities.printCertificate;
  const certificates = kiosk.services.map(
    (service): MenuEntry => ({
      id: service.type,
      journey: 'print-certificate',
      service: service.type,
      available: printer,
      reason: printer ? null : 'printer',
    }),
  );
  const others = platformJourneys.map((journey): MenuEntry => ({ id: journey, journey, available: true, reason: null }));
  return [...certificates, ...others];
}

/** Whether the menu may start this certificate's journey now (the machine's guard uses the same rule). */
export function canStartPrint(kiosk: KioskStatus, service: CertificateType): boolean {
  return menuEntries(kiosk).some((entry) => entry.journey === 'print-certificate' && entry.service === service && entry.available);
}
