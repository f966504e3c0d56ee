import type { CertificateType } from '@tongban/device-bridge/api';
import type { KioskStatus } from './session.types.ts';

/**
 * Why a menu item cannot be used right now, in words the citizen can act on (the screen turns the
 * reason into a sentence: "the printer is out of order, ask staff or come back later").
 * - printer: the A4 printer cannot print (certificates);
 * - platform: the government service platform cannot be reached (anything needing live data);
 * - receipt-printer: the ticket printer cannot print (a queue number is a printed ticket).
 */
export type UnavailableReason = 'printer' | 'platform' | 'receipt-printer';

interface EntryBase {
  /** stable id for the selector contract (`data-service`) */
  id: string;
  available: boolean;
  reason: UnavailableReason | null;
}

export type OtherJourney = 'apply' | 'records' | 'progress' | 'queue' | 'appointment';

/** One tile of the menu: what it starts, whether it works now, and why not. */
export type MenuEntry = (EntryBase & { journey: 'print-certificate'; service: CertificateType }) | (EntryBase & { journey: OtherJourney });

const otherJourneys = ['apply', 'records', 'progress', 'appointment', 'queue'] as const satisfies readonly OtherJourney[];

/**
 * What a journey other than printing needs. Records, progress, appointments and queue numbers are
 * live answers of the platform; a queue number is also a printed ticket. An application needs
 * neither: the outbox keeps it and the receipt says it will be sent when the line is back.
 */
function reasonFor(kiosk: KioskStatus, journey: OtherJourney): UnavailableReason | null {
  if (journey === 'apply') return null;
  if (!kiosk.platformReachable) return 'platform';
  if (journey === 'queue' && !kiosk.capabilities.printReceipt) return 'receipt-printer';
  return null;
}

/** A certificate needs the platform (its record) and the A4 printer; the printer is named first. */
function certificateReason(kiosk: KioskStatus): UnavailableReason | null {
  if (!kiosk.capabilities.printCertificate) return 'printer';
  if (!kiosk.platformReachable) return 'platform';
  return null;
}

/**
 * The menu, derived from what the bridge reports (health capabilities, the platform's reachability
 * and the services it offers). Items that cannot work now stay on the menu, greyed with the reason,
 * so a citizen who came for them learns at once that today it must be done at a window; only
 * journeys this kiosk really implements are listed at all.
 */
export function menuEntries(kiosk: KioskStatus): MenuEntry[] {
  const printReason = certificateReason(kiosk);
  const certificates = kiosk.services.map((service): MenuEntry => ({
    id: service.type,
    journey: 'print-certificate',
    service: service.type,
    available: printReason === null,
    reason: printReason,
  }));
  const others = otherJourneys.map((journey): MenuEntry => {
    const reason = reasonFor(kiosk, journey);
    return { id: journey, journey, available: reason === null, reason };
  });
  return [...certificates, ...others];
}

/** Whether the menu may start this certificate's journey now (the machine's guard uses the same rule). */
export function canStartPrint(kiosk: KioskStatus, service: CertificateType): boolean {
  return menuEntries(kiosk).some((entry) => entry.journey === 'print-certificate' && entry.service === service && entry.available);
}

/** Whether the menu may open this journey now (the machine's guard uses the same rule). */
export function canOpenJourney(kiosk: KioskStatus, journey: OtherJourney): boolean {
  return reasonFor(kiosk, journey) === null;
}

/**
 * 关爱模式 asks one thing per screen: first which kind of thing (these groups, plus 办事指南), then
 * which item of that kind. Every entry belongs to exactly one group.
 */
export const menuGroups = ['print', 'records', 'services'] as const;
export type MenuGroup = (typeof menuGroups)[number];

export function menuGroupOf(entry: MenuEntry): MenuGroup {
  switch (entry.journey) {
    case 'print-certificate':
      return 'print';
    case 'records':
    case 'progress':
      return 'records';
    case 'apply':
    case 'appointment':
    case 'queue':
      return 'services';
  }
}
