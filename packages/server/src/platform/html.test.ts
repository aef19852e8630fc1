import { describe, expect, it } from 'vitest';
import { html, renderDocument, toHtmlString, trustedHtml } from './html.ts';

describe('the HTML kit', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = '<script>alert("x")</script> & \'quotes\'';
    expect(toHtmlString(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
  });

  it('nests html fragments and arrays without escaping them twice', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(toHtmlString(html`<ul>${items}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders null, undefined and false as nothing, and numbers as text', () => {
    expect(toHtmlString(html`${null}${undefined}${false}${0}${12}`)).toBe('012');
  });

  it('does not trust an object that only looks like markup (e.g. parsed from a request)', () => {
    const forged = JSON.parse('{"__html":"<img src=x onerror=alert(1)>"}') as unknown;
    expect(toHtmlString(html`${forged}`)).toBe('[object Object]');
    expect(toHtmlString(html`${[forged]}`)).not.toContain('<img');
  });

  it('passes vetted constants through and gives a whole document its doctype', () => {
    expect(renderDocument(html`<html><style>${trustedHtml('a>b{}')}</style></html>`)).toBe('<!doctype html><html><style>a>b{}</style></html>');
  });
});
