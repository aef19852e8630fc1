import { CreateCampaignRequest, type CreateCampaignInput } from '@bro/domain';
import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';
import { setCampaignStatus } from '../modules/campaigns/index.ts';
import { insertCampaignOf } from '../modules/campaigns/index.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';

/**
 * The demo campaign: Omsorg i Fællesskabet, LGBT+ Danmark's and Lev Uden Vold's work against violence among LGBT+
 * people, described from seeds/000 and DOMAIN.md §4.6 only. It points to LGBT+ Danmark's counselling and the
 * hotline. It has no videos and no testimonials: the campaign's real ones are not in our sources, and a demo must
 * not invent what people said.
 */

/** Serialises loading, so two app nodes starting at once load the campaign once. */
const CAMPAIGN_DEMO_LOCK = 727_274_103;

const ORGANISATION_SLUG = 'lgbt-danmark';
/** Directory listings (directory-demo.ts) the campaign points to, in order. */
const LINKED_LISTING_SLUGS = ['lgbt-danmark-raadgivning', 'hotline-1888'];

const omsorgIFaellesskabet: Omit<CreateCampaignInput, 'serviceIds'> = {
  slug: 'omsorg-i-faellesskabet',
  titleDa: 'Omsorg i Fællesskabet',
  titleEn: 'Omsorg i Fællesskabet (Care in the community)',
  summaryDa:
    'LGBT+ Danmark og Lev Uden Vold arbejder sammen mod partnervold, seksuelle overgreb og krænkelser blandt LGBT+ personer – og for, at du kan få kvalificeret hjælp i de rådgivningstilbud, der findes.',
  summaryEn:
    'LGBT+ Danmark and Lev Uden Vold work together against partner violence, sexual abuse and violations among LGBT+ people – and for you to get qualified help from the counselling services that exist.',
  bodyDa: [
    'Omsorg i Fællesskabet er en voldsforebyggende indsats, der skal forhindre partnervold, seksuelle overgreb og krænkelser blandt LGBT+ personer. Projektet er et samarbejde mellem den nationale enhed Lev Uden Vold og LGBT+ Danmark.',
    'LGBT+ personer er i højere risiko for vold: ifølge undersøgelsen SEXUS (2020) har homoseksuelle mænd 2,5 gange så høj en risiko og biseksuelle kvinder mere end 1,7 gange så høj en risiko.',
    'Kampagnen skal gøre LGBT+ miljøet opmærksomt på LGBT+ Danmarks og Lev Uden Volds rådgivning. Den består af videoer med vidnesbyrd og ekspertbidrag om grænser, udsathed og voldsforebyggelse, og unge influencere, der identificerer sig som LGBT+ personer, fortæller på deres sociale medier, hvorfor det er vigtigt at søge rådgivning og støtte, hvis man oplever vold.',
    'Projektet holder også communitymøder i de større byer, hvor LGBT+ Danmark allerede har fællesskaber, og opkvalificerer rådgivning: LGBT+ Danmarks rådgivning i Aarhus, Aalborg og København og LGBT+ Danmarks juridiske rådgivning lærer mere om vold i nære relationer og seksuel vold, og Lev Uden Volds nationale hotline bliver bedre til at hjælpe LGBT+ personer.',
    'Oplever du vold eller krænkelser, kan du få hjælp hos LGBT+ Danmarks rådgivning eller Lev Uden Volds hotline – eller bede om at blive kontaktet her på siden.',
  ].join('\n\n'),
  bodyEn: [
    'Omsorg i Fællesskabet (Care in the community) is violence-prevention work to stop partner violence, sexual abuse and violations among LGBT+ people. It is a partnership between the national unit Lev Uden Vold and LGBT+ Danmark.',
    'LGBT+ people are at higher risk of violence: according to the SEXUS study (2020) gay men have a 2.5 times higher risk and bisexual women a more than 1.7 times higher risk.',
    'The campaign makes the LGBT+ community aware of the counselling offered by LGBT+ Danmark and Lev Uden Vold. It consists of videos with testimonies and expert contributions about boundaries, vulnerability and preventing violence, and young influencers who identify as LGBT+ tell their followers why it matters to seek counselling and support if you experience violence.',
    'The project also holds community meetings in the larger cities where LGBT+ Danmark already has communities, and trains counselling services: LGBT+ Danmark’s counselling in Aarhus, Aalborg and Copenhagen and its legal counselling learn more about violence in close relationships and sexual violence, and Lev Uden Vold’s national hotline becomes better at helping LGBT+ people.',
    'If you experience violence or abuse, you can get help from LGBT+ Danmark’s counselling or Lev Uden Vold’s hotline – or ask to be contacted here on this page.',
  ].join('\n\n'),
};

/**
 * Loads the demo campaign once, published, owned by LGBT+ Danmark. Does nothing when any campaign exists or when
 * LGBT+ Danmark is not on the platform; links only the listings that exist. Run after the directory demo.
 */
export async function loadCampaignDemoData({ db, clock }: { db: Db; clock: Clock }): Promise<{ isLoaded: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CAMPAIGN_DEMO_LOCK})`.execute(trx);
    if (await trx.selectFrom('campaigns').select('id').limit(1).executeTakeFirst()) return { isLoaded: false };
    const organisation = await trx.selectFrom('organisations').select('id').where('slug', '=', ORGANISATION_SLUG).executeTakeFirst();
    if (!organisation) return { isLoaded: false };
    const listings = await trx.selectFrom('directory_services').select(['id', 'slug']).where('slug', 'in', LINKED_LISTING_SLUGS).where('status', '=', 'active').execute();
    const serviceIds = LINKED_LISTING_SLUGS.flatMap((slug) => listings.filter((listing) => listing.slug === slug).map((listing) => listing.id));
    const now = clock.now();
    const request = CreateCampaignRequest.parse({ ...omsorgIFaellesskabet, serviceIds });
    const campaignId = await insertCampaignOf(trx, { request, organisationId: organisation.id, now });
    await setCampaignStatus(trx, { campaignId, status: 'published', now });
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: null,
      actorOrganisationId: null,
      action: 'campaign_demo.load',
      objectType: 'campaign',
      objectId: campaignId,
      details: { services: serviceIds.length },
    });
    return { isLoaded: true };
  });
}
