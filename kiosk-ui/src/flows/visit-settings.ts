import { pacingFactor, type DisplayMode } from '../a11y/display-mode.ts';
import type { LanguageTag } from '../i18n/language-tag.ts';

/**
 * What the person at the kiosk set for their visit: the language, the display mode and the call-staff
 * dialog. Nothing personal, but theirs: the session machine keeps it and, when a citizen's visit is
 * over (after the goodbye, which still speaks to them their way), the next person starts from the
 * defaults. What someone sets before identifying (on the attract screen, in the guides) carries on
 * into their session.
 */
export interface VisitSettings {
  /** the language chosen with the switch; null: the kiosk's default language */
  language: LanguageTag | null;
  /** 关爱模式 as chosen with the switch; null: it follows the citizen's age */
  elderChoice: boolean | null;
  /** the identified citizen is 60 or over (the bridge says so); kept through their goodbye */
  citizenElder: boolean;
  highContrast: boolean;
  /** the call-staff dialog is open */
  helpOpen: boolean;
  /** the session these settings belong to; null while nobody has been identified this visit */
  servedSession: string | null;
}

export const defaultVisitSettings: VisitSettings = {
  language: null,
  elderChoice: null,
  citizenElder: false,
  highContrast: false,
  helpOpen: false,
  servedSession: null,
};

/** The display mode on screen: an explicit choice wins over the citizen's age. */
export function displayModeOf(settings: VisitSettings): DisplayMode {
  return { elder: settings.elderChoice ?? settings.citizenElder, highContrast: settings.highContrast };
}

/** How slowly the flow moves on by itself in this display mode (elder mode is slower). */
export function pacingOf(settings: VisitSettings): number {
  return pacingFactor(displayModeOf(settings));
}
