import type { ImportantDocument, SafetyPlanContent } from '@bro/domain';
import { html, type SafeHtml } from '../../../platform/html.ts';
import { formatDateTime, type PrintLanguage } from '../core/print-document.ts';

/**
 * The printed safety plan. Written to the person ("you"), in neutral words: nothing on the page says what kind of
 * service made it, so a plan found by someone else gives as little away as possible.
 */

const texts = {
  da: {
    heading: 'Min plan',
    meta: (version: number, savedAt: string, reference: string) => `Version ${version}, gemt ${savedAt}. Ref. ${reference}.`,
    safePeople: 'Personer, jeg trygt kan kontakte',
    safePlaces: 'Steder, hvor jeg er tryg',
    warningSigns: 'Tegn, jeg skal holde øje med',
    emergencySteps: 'Hvis der sker noget akut',
    emergencyFallback: 'Ring 112 ved akut fare.',
    children: 'Børn',
    importantDocuments: 'Vigtige papirer og ting',
    codeWords: 'Aftalte kodeord',
    notes: 'Noter',
    hiddenAddresses: (count: number) => `${count === 1 ? 'En adresse er' : `${count} adresser er`} udeladt af hensyn til din sikkerhed.`,
    whereKept: 'Opbevares',
    meaning: 'betyder',
  },
  en: {
    heading: 'My plan',
    meta: (version: number, savedAt: string, reference: string) => `Version ${version}, saved ${savedAt}. Ref. ${reference}.`,
    safePeople: 'People I can safely contact',
    safePlaces: 'Places where I am safe',
    warningSigns: 'Signs to look out for',
    emergencySteps: 'If something happens',
    emergencyFallback: 'Call 112 in an emergency.',
    children: 'Children',
    importantDocuments: 'Important papers and things',
    codeWords: 'Agreed code words',
    notes: 'Notes',
    hiddenAddresses: (count: number) => `${count === 1 ? 'One address has' : `${count} addresses have`} been left out for your safety.`,
    whereKept: 'Kept',
    meaning: 'means',
  },
} as const;

const documentNames: Record<ImportantDocument, Record<PrintLanguage, string>> = {
  passport: { da: 'Pas', en: 'Passport' },
  health_insurance_card: { da: 'Sundhedskort', en: 'Health insurance card' },
  residence_permit: { da: 'Opholdstilladelse', en: 'Residence permit' },
  bank_details: { da: 'Bankoplysninger og kort', en: 'Bank details and cards' },
  medication: { da: 'Medicin og recepter', en: 'Medication and prescriptions' },
  birth_certificates: { da: 'Fødselsattester', en: 'Birth certificates' },
  custody_papers: { da: 'Papirer om forældremyndighed og samvær', en: 'Custody and contact papers' },
  police_reports: { da: 'Politianmeldelser', en: 'Police reports' },
  restraining_order: { da: 'Tilhold eller opholdsforbud', en: 'Restraining or exclusion order' },
  keys: { da: 'Nøgler', en: 'Keys' },
  other: { da: 'Andet', en: 'Other' },
};

/** A heading and its list; nothing at all when the list is empty (an empty heading only says what is missing). */
function section(title: string, items: readonly SafeHtml[], ordered = false): SafeHtml | '' {
  if (items.length === 0) return '';
  const list = items.map((item) => html`<li>${item}</li>`);
  return ordered ? html`<h2>${title}</h2><ol>${list}</ol>` : html`<h2>${title}</h2><ul>${list}</ul>`;
}

export function renderSafetyPlan(input: { lang: PrintLanguage; content: SafetyPlanContent; hiddenAddresses: number; version: number; savedAt: string; reference: string }): SafeHtml {
  const t = texts[input.lang];
  const { content, lang } = input;
  const withNote = (main: SafeHtml, note: string | undefined) => (note ? html`${main}<br>${note}` : main);
  return html`<main>
<h1>${t.heading}</h1>
<p class="meta">${t.meta(input.version, formatDateTime(lang, input.savedAt), input.reference)}</p>
${input.hiddenAddresses > 0 ? html`<p class="notice">${t.hiddenAddresses(input.hiddenAddresses)}</p>` : ''}
${section(
  t.safePeople,
  content.safePeople.map((person) => withNote(html`<strong>${person.name}</strong>${person.howToReach ? html` – ${person.howToReach}` : ''}`, person.note)),
)}
${section(
  t.safePlaces,
  content.safePlaces.map((place) => withNote(html`<strong>${place.name}</strong>${place.address ? html` – ${place.address}` : ''}`, place.note)),
)}
${section(t.warningSigns, content.warningSigns.map((sign) => html`${sign}`))}
${section(t.emergencySteps, [...content.emergencySteps.map((step) => html`${step}`), html`${t.emergencyFallback}`], true)}
${section(t.children, content.children.map((child) => html`<strong>${child.name}</strong>: ${child.plan}`))}
${section(
  t.importantDocuments,
  content.importantDocuments.map((document) => withNote(html`${documentNames[document.document][lang]}${document.whereKept ? html` – ${t.whereKept}: ${document.whereKept}` : ''}`, document.note)),
)}
${section(t.codeWords, content.codeWords.map((codeWord) => html`<strong>${codeWord.word}</strong> ${t.meaning}: ${codeWord.meaning}`))}
${content.notes ? html`<h2>${t.notes}</h2><p>${content.notes}</p>` : ''}
</main>`;
}
