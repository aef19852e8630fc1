import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { postForm } from '../referrals/testing.ts';

/** The Danish pages moved from `/da/…` to the root: every old address still works, permanently redirected. */
describe('public site: the old /da addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
  });
  afterAll(async () => t.close());

  it('every old page answers 301 to its new address, with the query string kept', async () => {
    for (const [from, to] of [
      ['/da', '/'],
      ['/da/', '/'],
      ['/da?utm=x', '/?utm=x'],
      ['/da/tilbud', '/tilbud'],
      ['/da/tilbud?situation=exposed&postcode=2100&page=2', '/tilbud?situation=exposed&postcode=2100&page=2'],
      ['/da/tilbud/hotline-1888', '/tilbud/hotline-1888'],
      ['/da/tilbud/hotline-1888?situation=exposed', '/tilbud/hotline-1888?situation=exposed'],
      ['/da/kontakt', '/kontakt'],
      ['/da/kontakt?tjeneste=lgbt-raadgivning&kilde=campaign%3Aomsorg', '/kontakt?tjeneste=lgbt-raadgivning&kilde=campaign%3Aomsorg'],
      ['/da/kvittering', '/kvittering'],
      ['/da/kampagner/omsorg-i-faellesskabet', '/kampagner/omsorg-i-faellesskabet'],
      ['/da/sikkerhed', '/sikkerhed'],
    ]) {
      const response = await t.app.inject({ method: 'GET', url: from });
      expect(response.statusCode, from).toBe(301);
      expect(response.headers.location, from).toBe(to);
      expect(response.headers['set-cookie'], from).toBeUndefined();
      expect(response.headers['cache-control'], from).toBe('no-store');
    }
  });

  it('a form posted to an old address answers 308, so the browser sends the same body to the new one', async () => {
    for (const [from, to] of [
      ['/da/kontakt', '/kontakt'],
      ['/da/kontakt?tjeneste=lgbt-raadgivning', '/kontakt?tjeneste=lgbt-raadgivning'],
      ['/da/kvittering', '/kvittering'],
    ] as const) {
      const response = await postForm(t, from, { code: 'ZZZZ-ZZZZ-ZZ' });
      expect(response.statusCode, from).toBe(308);
      expect(response.headers.location, from).toBe(to);
    }
  });

  it('a redirect can only lead to our own paths: an encoded slug stays one path segment', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/da/tilbud/%2F%2Fevil.example' });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/tilbud/%2F%2Fevil.example');
  });

  it('an old address that never existed is simply not found', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/da/findes-ikke' })).statusCode).toBe(404);
  });
});
