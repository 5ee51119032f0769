// A refused purpose notification in English, in a real Chromium against the local desk:
// the customer switches to English, asks for the purposes of use, confirms the e-mailed
// code and sees the status; the operator refuses with a ground the Act allows for this type (through
// the API); the customer opens the status link from the received e-mail in a new browser and reads
// the refusal, its grounds and its reason in English. The token in the link stays after '#' and
// leaves the address bar as soon as the page has read it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRIVACY_CENTER_PATH } from '../../../local/privacy-center';
import { checkPage } from '../../support/browser';
import { uniqueEmail } from '../../support/desk';
import type { PrivacyCenterDesk } from './desk';

export function describeEnglish({ desk, client, newPage: phonePage }: PrivacyCenterDesk) {
  const requestIdOf = (page: Page) => /#\/verify\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  const REASON = 'The purposes were stated on the application form you signed on 1 April.';

  describe('Privacy Center in English', () => {
    it('shows a refused purpose notification, opened from the e-mailed link in another browser', async () => {
      const first = await phonePage();
      const { page } = first;
      const email = uniqueEmail('hanako');
      await page.goto(`${desk().url}${PRIVACY_CENTER_PATH}#/request`);
      await page.getByRole('heading', { level: 1, name: '請求・苦情のお申出' }).waitFor();
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Make a request or complaint' }).waitFor();

      await page.getByLabel('Type of request').selectOption('purpose-notification');
      await page.getByLabel('Your name').fill('Hanako Yamada');
      await page.getByLabel('Your e-mail address').fill(email);
      await checkPage(page, 'privacy-center-en-1-request-form-en');
      await page.getByRole('button', { name: 'Send' }).click();

      await page.getByRole('heading', { level: 1, name: 'Enter the confirmation code' }).waitFor();
      const requestId = requestIdOf(page);
      const codeMail = await client.emailAbout(requestId, /Your confirmation code: \d{6}/);
      expect(codeMail.destination.to).toEqual([email]);
      await checkPage(page, 'privacy-center-en-2-verify-en');
      await page.getByLabel('Confirmation code (six digits)').fill(/(\d{6})/.exec(codeMail.subject)![1]!);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('heading', { level: 1, name: 'Status of your request' }).waitFor();
      await page.getByRole('definition').getByText('Received', { exact: true }).waitFor();
      await checkPage(page, 'privacy-center-en-3-status-en');
      await first.context.close();

      // The received e-mail links the status page; the token is only in the fragment.
      const received = await client.emailAbout(requestId, /We have received your purpose-of-use notification request/);
      const link = /(http\S+#\/status\/\S+)/.exec(received.body.text!)![1]!;
      const [beforeHash, fragment] = link.split('#') as [string, string];
      expect(beforeHash).toBe(`${desk().url}${PRIVACY_CENTER_PATH}`);
      const token = new RegExp(`^/status/${requestId}/([A-Za-z0-9_-]{32,})\\?lang=en$`).exec(fragment)![1]!;
      expect(received.body.text!.indexOf(token)).toBeGreaterThan(received.body.text!.indexOf('#'));

      const operator = await client.signIn('operator');
      const refused = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: operator,
        body: { outcome: 'refused', grounds: ['purpose-already-clear'], reason: REASON },
      });
      expect(refused.status, refused.text).toBe(200);

      // Another browser, set to Japanese: no sessionStorage from the first; the link alone opens the status.
      const second = await phonePage();
      const other = second.page;
      const asked: string[] = [];
      other.on('request', (r) => asked.push(r.url()));
      await other.goto(link);
      // In the request's language, which the link names; the token and the rest leave the address.
      await other.getByRole('heading', { level: 1, name: 'Status of your request' }).waitFor();
      await expect.poll(() => other.locator('html').getAttribute('lang')).toBe('en');
      await expect.poll(() => other.url()).toBe(`${desk().url}${PRIVACY_CENTER_PATH}#/status/${requestId}`);

      const main = other.getByRole('main');
      await main.getByText('Your request was refused').waitFor();
      const decision = other.getByRole('region', { name: 'Answer' });
      expect(await decision.textContent()).toContain(
        'The purpose of use is already clear to you, for instance from the circumstances in which the data was acquired (Art. 32(2)(i))',
      );
      expect(await decision.textContent()).toContain(REASON);
      expect(await decision.textContent()).toContain('Grounds under the Act');
      expect(await main.textContent()).toContain('Notification of the purpose of use');
      await checkPage(other, 'privacy-center-en-4-status-refused-en');

      // The token went to the API in the Authorization header only, never in a URL; it sits in this tab's sessionStorage.
      expect(asked.filter((u) => u.includes(token))).toEqual([]);
      expect(await other.evaluate(`sessionStorage.getItem('appi-desk.status-token.${requestId}')`)).toBe(token);
      expect(await other.evaluate('localStorage.length')).toBe(0);
      await second.context.close();
    }, 120_000);
  });
}
