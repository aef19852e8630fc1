// Reference data: Denmark's municipalities. Not demo data: routing, the public search and statistics use them.

/**
 * Denmark's 98 municipalities (since the structural reform of 1 January 2007) with their official three-digit
 * municipality codes (kommunekoder, as used in CPR and DAR/DAWA), grouped by region. Christiansø (411) is not a
 * municipality and is left out.
 */
export type Region = 'Hovedstaden' | 'Sjælland' | 'Syddanmark' | 'Midtjylland' | 'Nordjylland';

export type Municipality = {
  /** Official code, three digits. */
  code: string;
  /** Short name as in DAWA (e.g. "København", "Nordfyns"). */
  name: string;
  /** The organisation's own name (e.g. "Københavns Kommune", "Bornholms Regionskommune"). */
  organisationName: string;
  region: Region;
};

const inRegion = (region: Region, entries: readonly (readonly [code: string, name: string, organisationName?: string])[]): Municipality[] =>
  entries.map(([code, name, organisationName]) => ({ code, name, organisationName: organisationName ?? `${name} Kommune`, region }));

export const municipalities: readonly Municipality[] = [
  ...inRegion('Hovedstaden', [
    ['101', 'København', 'Københavns Kommune'],
    ['147', 'Frederiksberg'],
    ['151', 'Ballerup'],
    ['153', 'Brøndby'],
    ['155', 'Dragør'],
    ['157', 'Gentofte'],
    ['159', 'Gladsaxe'],
    ['161', 'Glostrup'],
    ['163', 'Herlev'],
    ['165', 'Albertslund'],
    ['167', 'Hvidovre'],
    ['169', 'Høje-Taastrup'],
    ['173', 'Lyngby-Taarbæk'],
    ['175', 'Rødovre'],
    ['183', 'Ishøj'],
    ['185', 'Tårnby'],
    ['187', 'Vallensbæk'],
    ['190', 'Furesø'],
    ['201', 'Allerød'],
    ['210', 'Fredensborg'],
    ['217', 'Helsingør'],
    ['219', 'Hillerød'],
    ['223', 'Hørsholm'],
    ['230', 'Rudersdal'],
    ['240', 'Egedal'],
    ['250', 'Frederikssund'],
    ['260', 'Halsnæs'],
    ['270', 'Gribskov'],
    ['400', 'Bornholm', 'Bornholms Regionskommune'],
  ]),
  ...inRegion('Sjælland', [
    ['253', 'Greve'],
    ['259', 'Køge'],
    ['265', 'Roskilde'],
    ['269', 'Solrød'],
    ['306', 'Odsherred'],
    ['316', 'Holbæk'],
    ['320', 'Faxe'],
    ['326', 'Kalundborg'],
    ['329', 'Ringsted'],
    ['330', 'Slagelse'],
    ['336', 'Stevns'],
    ['340', 'Sorø'],
    ['350', 'Lejre'],
    ['360', 'Lolland'],
    ['370', 'Næstved'],
    ['376', 'Guldborgsund'],
    ['390', 'Vordingborg'],
  ]),
  ...inRegion('Syddanmark', [
    ['410', 'Middelfart'],
    ['420', 'Assens'],
    ['430', 'Faaborg-Midtfyn'],
    ['440', 'Kerteminde'],
    ['450', 'Nyborg'],
    ['461', 'Odense'],
    ['479', 'Svendborg'],
    ['480', 'Nordfyns'],
    ['482', 'Langeland'],
    ['492', 'Ærø'],
    ['510', 'Haderslev'],
    ['530', 'Billund'],
    ['540', 'Sønderborg'],
    ['550', 'Tønder'],
    ['561', 'Esbjerg'],
    ['563', 'Fanø'],
    ['573', 'Varde'],
    ['575', 'Vejen'],
    ['580', 'Aabenraa'],
    ['607', 'Fredericia'],
    ['621', 'Kolding'],
    ['630', 'Vejle'],
  ]),
  ...inRegion('Midtjylland', [
    ['615', 'Horsens'],
    ['657', 'Herning'],
    ['661', 'Holstebro'],
    ['665', 'Lemvig'],
    ['671', 'Struer'],
    ['706', 'Syddjurs'],
    ['707', 'Norddjurs'],
    ['710', 'Favrskov'],
    ['727', 'Odder'],
    ['730', 'Randers'],
    ['740', 'Silkeborg'],
    ['741', 'Samsø'],
    ['746', 'Skanderborg'],
    ['751', 'Aarhus'],
    ['756', 'Ikast-Brande'],
    ['760', 'Ringkøbing-Skjern'],
    ['766', 'Hedensted'],
    ['779', 'Skive'],
    ['791', 'Viborg'],
  ]),
  ...inRegion('Nordjylland', [
    ['773', 'Morsø'],
    ['787', 'Thisted'],
    ['810', 'Brønderslev'],
    ['813', 'Frederikshavn'],
    ['820', 'Vesthimmerlands'],
    ['825', 'Læsø'],
    ['840', 'Rebild'],
    ['846', 'Mariagerfjord'],
    ['849', 'Jammerbugt'],
    ['851', 'Aalborg'],
    ['860', 'Hjørring'],
  ]),
];

/** `kommune-<name>` in ASCII: æ → ae, ø → oe, å → aa (the Danish transliteration). */
export function municipalitySlug(municipality: Pick<Municipality, 'name'>): string {
  return `kommune-${toAsciiSlug(municipality.name)}`;
}

export function toAsciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
