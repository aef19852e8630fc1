import type { CampaignTestimonial, CampaignVideo } from '@bro/domain';
import type { PublicCampaign } from '../campaigns/index.ts';
import { campaignTexts } from './campaign-pages.text.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import type { PageLanguage } from '../directory/index.ts';
import { helpTexts } from './help-pages.text.ts';
import { pagePath, type Page } from './layout.render.ts';
import { textDirection } from './layout.text.ts';
import { langAttributes, localised, organisationNameIn, paragraphs, summarise } from './localised-text.render.ts';

/**
 * A public campaign page. Plain text only: every text is escaped, and paragraphs come from blank lines, never from
 * markup. Videos are our own files, played by the browser's own player (nothing loads before the person presses
 * play), or plain links to another site — never an embedded third-party player (no iframe at all).
 */

function renderVideo(video: CampaignVideo, lang: PageLanguage): SafeHtml {
  const t = campaignTexts[lang];
  const title = localised({ da: video.titleDa, en: video.titleEn, ar: video.titleAr ?? null }, lang);
  if (video.kind === 'external') {
    return html`<li><a href="${video.url}" rel="noreferrer noopener"${langAttributes(title)}>${title.value}</a> <span class="hint">${t.externalLink}</span></li>`;
  }
  return html`<li><figure class="campaign-video">
<video controls preload="none" src="${video.path}">${video.captionsPath ? html`<track kind="captions" src="${video.captionsPath}" srclang="da" label="${t.captions}">` : ''}<a href="${video.path}">${t.videoFallback}</a></video>
<figcaption${langAttributes(title)}>${title.value}</figcaption>
</figure></li>`;
}

function renderTestimonial(testimonial: CampaignTestimonial): SafeHtml {
  return html`<blockquote class="testimonial" lang="${testimonial.language}" dir="${textDirection[testimonial.language]}"><p>${testimonial.quote}</p><footer>– ${testimonial.attribution}</footer></blockquote>`;
}

export function renderCampaignPage(lang: PageLanguage, campaign: PublicCampaign): Page {
  const t = campaignTexts[lang];
  const title = localised(campaign.titles, lang);
  const summary = localised(campaign.summaries, lang);
  const body = localised(campaign.bodies, lang);
  const source = `campaign:${campaign.slug}`;
  const contactLink = (slug?: string) => `${pagePath(lang, '/kontakt')}?${new URLSearchParams(slug ? { tjeneste: slug, kilde: source } : { kilde: source }).toString()}`;
  const hasDanishFallback = [title, summary, body].some((text) => text.isDanishFallback);
  const page = html`<h1${langAttributes(title)}>${title.value}</h1>
${hasDanishFallback && helpTexts[lang].onlyInDanish ? html`<p class="notice">${helpTexts[lang].onlyInDanish}</p>` : ''}
<p class="lead"${langAttributes(summary)}>${summary.value}</p>
<div${langAttributes(body)}>${paragraphs(body.value)}</div>
${
  campaign.services.length > 0
    ? html`<section aria-labelledby="services-heading"><h2 id="services-heading">${t.servicesHeading}</h2>
<ul class="result-list">${campaign.services.map((service) => {
        const name = localised(service.names, lang);
        return html`<li class="result"><h3><a href="${pagePath(lang, `/tilbud/${service.slug}`)}"${langAttributes(name)}>${name.value}</a></h3><p class="organisation">${helpTexts[lang].providedBy(organisationNameIn(lang, service.organisationName))}</p>${
          service.isContactable ? html`<p><a href="${contactLink(service.slug)}">${t.contactThisService}</a></p>` : ''
        }</li>`;
      })}</ul></section>`
    : ''
}
<section class="contact-box" aria-labelledby="campaign-contact-heading"><h2 id="campaign-contact-heading">${t.contactHeading}</h2>
<p>${t.contactIntro}</p>
<p><a class="situation" href="${contactLink()}">${t.contactButton}</a></p></section>
${campaign.videos.length > 0 ? html`<section aria-labelledby="videos-heading"><h2 id="videos-heading">${t.videosHeading}</h2><ul class="campaign-videos">${campaign.videos.map((video) => renderVideo(video, lang))}</ul></section>` : ''}
${campaign.testimonials.length > 0 ? html`<section aria-labelledby="testimonials-heading"><h2 id="testimonials-heading">${t.testimonialsHeading}</h2>${campaign.testimonials.map(renderTestimonial)}</section>` : ''}`;
  // The campaign's own summary describes it to search engines, unless it would be Danish on an Arabic page.
  const description = summary.isDanishFallback ? helpTexts[lang].searchDescription : summarise(summary.value, 160);
  return { lang, path: `/kampagner/${campaign.slug}`, description, body: page };
}
