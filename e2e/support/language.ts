import { expect, type Page } from '@playwright/test';

export type Language = 'da' | 'en';

/** How the header's language switch names each language (its own name, as language pickers do). */
const languageNames: Record<Language, RegExp> = { da: /^(Dansk|DA)$/i, en: /^(English|EN)$/i };

/**
 * Switches the UI language with the visible switch in the header, whether it is a button or a link, and waits
 * until `<html lang>` follows.
 */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  const name = languageNames[language];
  await page.getByRole('button', { name }).or(page.getByRole('link', { name })).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
