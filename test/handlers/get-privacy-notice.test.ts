// GET /v1/privacy-notice through its handler: public, cacheable, and what the policy promises to publish.
import { describe, expect, it } from 'vitest';
import { privacyNoticeResponse } from '../../functions/http/contract';
import { handler } from '../../functions/handlers/get-privacy-notice';
import { invoke } from '../support/desk';

const get = (headers?: Record<string, string>) =>
  invoke(handler, { method: 'GET', path: '/v1/privacy-notice', resource: '/v1/privacy-notice', ...(headers ? { headers } : {}) });

describe('get-privacy-notice', () => {
  it('200 with purposes of use, sources, third-party provision, publications, the desk and its hours', async () => {
    const result = await get();
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.headers['cache-control']).toBe('public, max-age=300');
    expect(privacyNoticeResponse.safeParse(result.json).success).toBe(true);
    expect(result.json.purposesOfUse).toHaveLength(8);
    for (const purpose of result.json.purposesOfUse) expect(purpose).toEqual({ id: expect.any(String), ja: expect.any(String), en: expect.any(String) });
    expect(result.json.acquisitionSources.length).toBeGreaterThan(0);
    expect(result.json.thirdPartyProvision).toMatchObject({ policy: expect.stringMatching(/consent/) });
    expect(result.json.anonymisedInformationPublications).toEqual([]);
    expect(result.json.requests.accepted).toContain('disclosure');
    expect(result.json.desk.hours).toMatchObject({ timeZone: 'Asia/Tokyo', opens: '09:00', closes: '17:00' });
  });

  it('needs no authentication and ignores a body-less GET with any headers', async () => {
    const result = await get({ Authorization: 'Bearer whatever', Accept: 'text/html' });
    expect(result.status).toBe(200);
  });
});
