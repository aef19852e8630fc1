import type { AccessHistoryExtract } from '@bro/domain';
import { html, type SafeHtml } from '../../../platform/html.ts';
import { formatDateTime, type PrintLanguage } from '../core/print-document.ts';

/** The printed "who looked at my data" extract, written to the person. */

const purposeLabels: Record<string, Record<PrintLanguage, string>> = {
  referral_creation: { da: 'Oprettelse af en henvisning', en: 'Making a referral' },
  referral_tracking: { da: 'Opfølgning på en henvisning', en: 'Following up a referral' },
  referral_intake: { da: 'Modtagelse af en henvisning', en: 'Receiving a referral' },
  referral_follow_up: { da: 'Arbejde med en henvisning', en: 'Work on a referral' },
  course_work: { da: 'Rådgivningsforløb', en: 'Counselling course' },
  course_supervision: { da: 'Faglig supervision', en: 'Professional supervision' },
  access_history_extract: { da: 'Udarbejdelse af indsigt i logning', en: 'Producing an access record' },
  peer_support_coordination: { da: 'Koordinering af peerstøtte', en: 'Coordinating peer support' },
  peer_support: { da: 'Peerstøtte', en: 'Peer support' },
};

const actionLabels: Record<string, Record<PrintLanguage, string>> = {
  read: { da: 'læst', en: 'read' },
  list: { da: 'vist i en liste', en: 'shown in a list' },
  search: { da: 'søgt', en: 'searched' },
  export: { da: 'udtrukket', en: 'extracted' },
  print: { da: 'udskrevet', en: 'printed' },
};

const texts = {
  da: {
    heading: 'Hvem har set dine oplysninger',
    intro: (organisation: string, at: string) => `Udarbejdet af ${organisation} ${at} på din anmodning. Listen viser, hvornår, af hvilken organisation og hvorfor dine oplysninger er blevet set.`,
    namesHidden: 'Medarbejdernes navne er ikke vist.',
    namesShown: 'Medarbejdernes navne er vist efter en begrundet anmodning.',
    truncated: 'Listen er afkortet til de nyeste opslag. Kontakt os for resten.',
    summary: 'Overblik',
    organisation: 'Organisation',
    purpose: 'Formål',
    count: 'Antal',
    period: 'Periode',
    details: 'Alle opslag',
    when: 'Tidspunkt',
    what: 'Handling',
    staff: 'Medarbejder',
    none: 'Der er ingen registrerede opslag.',
    for: 'Vedrørende',
  },
  en: {
    heading: 'Who has seen your information',
    intro: (organisation: string, at: string) => `Produced by ${organisation} on ${at} at your request. The list shows when, by which organisation and why your information was seen.`,
    namesHidden: 'Staff names are not shown.',
    namesShown: 'Staff names are shown following a justified request.',
    truncated: 'The list is cut to the most recent entries. Contact us for the rest.',
    summary: 'Overview',
    organisation: 'Organisation',
    purpose: 'Purpose',
    count: 'Number',
    period: 'Period',
    details: 'Every entry',
    when: 'Time',
    what: 'Action',
    staff: 'Staff member',
    none: 'There are no recorded entries.',
    for: 'About',
  },
} as const;

export function renderAccessHistory(input: { lang: PrintLanguage; extract: AccessHistoryExtract }): SafeHtml {
  const { lang, extract } = input;
  const t = texts[lang];
  const purpose = (code: string) => purposeLabels[code]?.[lang] ?? code;
  const action = (code: string) => actionLabels[code]?.[lang] ?? code;
  const at = (iso: string) => formatDateTime(lang, iso);
  return html`<main>
<h1>${t.heading}</h1>
<p class="meta">${t.for}: ${extract.personLabel}</p>
<p>${t.intro(extract.producedByOrganisationName, at(extract.producedAt))}</p>
<p class="notice">${extract.includesStaffNames ? t.namesShown : t.namesHidden}${extract.isTruncated ? html`<br>${t.truncated}` : ''}</p>
<h2>${t.summary}</h2>
${
  extract.summary.length === 0
    ? html`<p>${t.none}</p>`
    : html`<table><thead><tr><th scope="col">${t.organisation}</th><th scope="col">${t.purpose}</th><th scope="col">${t.count}</th><th scope="col">${t.period}</th></tr></thead><tbody>${extract.summary.map(
        (group) => html`<tr><td>${group.organisationName}</td><td>${purpose(group.purpose)}</td><td>${group.count}</td><td>${at(group.firstAt)} – ${at(group.lastAt)}</td></tr>`,
      )}</tbody></table>`
}
<h2>${t.details}</h2>
${
  extract.entries.length === 0
    ? html`<p>${t.none}</p>`
    : html`<table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.organisation}</th><th scope="col">${t.purpose}</th><th scope="col">${t.what}</th>${extract.includesStaffNames ? html`<th scope="col">${t.staff}</th>` : ''}</tr></thead><tbody>${extract.entries.map(
        (entry) =>
          html`<tr><td>${at(entry.at)}</td><td>${entry.organisationName}</td><td>${purpose(entry.purpose)}</td><td>${action(entry.action)}</td>${extract.includesStaffNames ? html`<td>${entry.staffName ?? '–'}</td>` : ''}</tr>`,
      )}</tbody></table>`
}
</main>`;
}
