import type { daDictionary } from './dictionaries';

// Typed keys: `t('missing.key')` fails the type check, and each English dictionary must match its Danish one key for key (see translation.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof daDictionary };
  }
}
