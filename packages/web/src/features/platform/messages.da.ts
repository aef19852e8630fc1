// The outgoing messages page in Danish: the source of keys for messages.en.ts. Registered in i18n/dictionaries.ts.

export const messagesDa = {
  messages: {
    heading: 'Beskeder der ikke kom frem',
    intro: 'E-mails og sms’er, der fejlede ved hvert forsøg. Modtager og tekst vises aldrig her. En påmindelse tjekkes igen mod personens sikre kontakt, før den sendes.',
    caption: 'Opgivne beskeder',
    empty: 'Alle beskeder er kommet frem.',
    template: 'Skabelon',
    channel: 'Kanal',
    attempts: 'Forsøg',
    lastError: 'Sidste fejl',
    createdAt: 'Oprettet',
    lastAttemptAt: 'Sidste forsøg',
    actions: 'Handlinger',
    retry: 'Prøv igen',
    retriedMessage: 'Beskeden er sat i kø igen.',
    templates: { referral_escalation: 'Henvisning venter (til koordinator)', referral_unseen: 'Henvisning, som ingen kan se (til administrator)', session_reminder: 'Påmindelse om aftale' },
    channels: { email: 'E-mail', sms: 'Sms' },
    development: {
      heading: 'Udviklingsindbakke',
      intro: 'Kun uden for drift: alle beskeder med modtager og tekst, så man kan se, hvad der ville være sendt. Uden SMTP_URL eller SMS_GATEWAY_URL bliver de her som ikke sendt.',
      caption: 'Beskeder i udbakken',
      empty: 'Der er ingen beskeder endnu.',
      status: 'Status',
      recipient: 'Modtager',
      text: 'Tekst',
      erased: 'Teksten er slettet, efter beskeden blev sendt eller annulleret.',
      statuses: {
        queued: 'I kø',
        sent: 'Sendt',
        failed: 'Fejlet, prøves igen',
        dead: 'Opgivet',
        cancelled: 'Annulleret (sikker kontakt ændret)',
        not_sent_no_transport: 'Ikke sendt: ingen forbindelse sat op',
      },
    },
  },
};
