import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { daDictionary, enDictionary } from './dictionaries';

const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

// The language choice is not personal data, so it may live in sessionStorage for this tab (and nowhere longer).
const storageKey = 'bro.language';

function readStoredLanguage(): Language {
  try {
    const stored = sessionStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'da';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    sessionStorage.setItem(storageKey, language);
  } catch {
    // Storage may be disabled; the choice then lasts until the page reloads.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'da';
});

void i18next.use(initReactI18next).init({
  resources: { da: { translation: daDictionary }, en: { translation: enDictionary } },
  lng: readStoredLanguage(),
  fallbackLng: 'da',
  supportedLngs: languages,
  // React escapes text itself; i18next must not escape it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = currentLanguage();

export { i18next };
