/**
 * A BCP 47 language tag the kiosk offers: zh-CN and en are built in, more come as locales/*.json
 * (languages.ts lists them). A plain string type here, so pure code (flows) can name a language
 * without loading the catalogues.
 */
export type LanguageTag = string;
