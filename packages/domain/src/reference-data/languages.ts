// Reference data: the languages a help service in Denmark is likely to offer. Not demo data: the listing editor offers them.

/**
 * ISO 639-1 codes (the directory stores languages as these, see `LanguageCode`): Danish and the Nordic and
 * Greenlandic/Faroese languages, English, and the languages most spoken by people who came to Denmark (Statistics
 * Denmark's immigration statistics by country of origin). Names come from `Intl.DisplayNames` in the reader's language,
 * so the list holds codes only. A listing may hold another valid code; editors keep it and show its name.
 */
export const commonLanguageCodes: readonly string[] = [
  'da', 'en', 'ar', 'kl', 'fo', 'sv', 'no', 'is', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ro', 'lt', 'lv', 'bg', 'hu', 'uk', 'ru',
  'bs', 'sr', 'hr', 'sq', 'tr', 'ku', 'fa', 'ps', 'ur', 'hi', 'pa', 'ta', 'bn', 'so', 'ti', 'am', 'sw', 'vi', 'th', 'tl', 'zh', 'ne',
];
