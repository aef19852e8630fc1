import type { da } from './da';

// Typed keys: `t('missing.key')` fails the type check, and en.ts must match da.ts key for key (see Dictionary).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof da };
  }
}
