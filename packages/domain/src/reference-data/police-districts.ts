// Reference data: Denmark's police districts. Not demo data: referrals, statistics and routing are counted per district.

export type PoliceDistrict = { code: string; slug: string; name: string };

/**
 * The 12 police districts (politikredse) since 2007. The code is their number in the order Rigspolitiet lists
 * them (north to east); it is a convention of Bro, not a code from an official register, and it is stored in
 * organisations.police_district_code, so it must never be renumbered.
 */
export const policeDistricts: readonly PoliceDistrict[] = [
  { code: '01', slug: 'politi-nordjylland', name: 'Nordjyllands Politi' },
  { code: '02', slug: 'politi-oestjylland', name: 'Østjyllands Politi' },
  { code: '03', slug: 'politi-midt-vestjylland', name: 'Midt- og Vestjyllands Politi' },
  { code: '04', slug: 'politi-sydoestjylland', name: 'Sydøstjyllands Politi' },
  { code: '05', slug: 'politi-syd-soenderjylland', name: 'Syd- og Sønderjyllands Politi' },
  { code: '06', slug: 'politi-fyn', name: 'Fyns Politi' },
  { code: '07', slug: 'politi-sydsjaelland-lolland-falster', name: 'Sydsjællands og Lolland-Falsters Politi' },
  { code: '08', slug: 'politi-midt-vestsjaelland', name: 'Midt- og Vestsjællands Politi' },
  { code: '09', slug: 'politi-nordsjaelland', name: 'Nordsjællands Politi' },
  { code: '10', slug: 'politi-koebenhavns-vestegn', name: 'Københavns Vestegns Politi' },
  { code: '11', slug: 'politi-koebenhavn', name: 'Københavns Politi' },
  { code: '12', slug: 'politi-bornholm', name: 'Bornholms Politi' },
];
