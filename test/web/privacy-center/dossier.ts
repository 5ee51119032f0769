// The disclosed dossier as the customer opens it from the e-mailed link, in a real Chromium against
// the local desk: in Japanese and in English, on a 390 px phone and a desktop. Japan time everywhere,
// consents, provision items and bases in the page's language, the request number and the desk to
// contact; a print button (its script allowed by the page's CSP) and JSON and CSV downloads by link;
// no horizontal scroll on the phone, landmarks, and not one axe violation of any rule.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../../local/seed';
import { checkPage, DESKTOP, PHONE } from '../../support/browser';
import type { PrivacyCenterDesk } from './desk';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const WORDS = {
  ja: {
    title: '保有個人データの開示',
    requestNumber: '受付番号',
    consent: '同意',
    method: 'ウェブ上のボタンの操作',
    basis: 'ご本人の同意（第27条第1項）',
    provided: '第三者への提供',
    contact: 'お問い合わせ先',
    print: '印刷する',
    json: 'JSON形式でダウンロード',
    csv: 'CSV形式でダウンロード（表計算ソフト用）',
    csvHeader: '区分,項目,内容',
    crm: 'Mecara CRMが保有するデータ',
    crmSource: '保有元',
    time: /\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/,
  },
  en: {
    title: 'Disclosure of your personal data',
    requestNumber: 'Request number',
    consent: 'Consent given',
    method: 'A button on the web',
    basis: 'Your consent (APPI Art. 27(1))',
    provided: 'Provided to a third party',
    contact: 'Contact',
    print: 'Print',
    json: 'Download as JSON',
    csv: 'Download as CSV (for spreadsheets)',
    csvHeader: 'Section,Item,Content',
    crm: 'Data held by Mecara CRM',
    crmSource: 'Held by',
    time: /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} JST/,
  },
} as const;

/** Every axe rule but the experimental ones, not only WCAG's serious and critical: this page must have none. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<Array<{ id: string; nodes: Array<{ target: unknown[] }> }>>(
    'axe.run(document).then((r) => r.violations)',
  );
  return violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

export function describeDossier({ client, newPage }: PrivacyCenterDesk) {
  /** A fulfilled disclosure of the demo customer's data, asked for in `language`; the link from the e-mail. */
  async function disclosedLink(language: 'ja' | 'en') {
    const { requestId } = await client.submitAndVerify({
      type: 'disclosure',
      requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
      subject: { email: DEMO_CUSTOMER.email },
      language,
    });
    const decided = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: await client.signIn('operator'),
      body: { outcome: 'fulfilled' },
    });
    expect(decided.status, decided.text).toBe(200);
    const mail = await client.emailAbout(requestId, /\/v1\/disclosures\//);
    return { requestId, link: /(http\S+\/v1\/disclosures\/[A-Za-z0-9_-]+)/.exec(mail.body.text!)![1]! };
  }

  describe('Privacy Center: the disclosed dossier', () => {
    it.each(['ja', 'en'] as const)(
      'in %s, on a phone and a desktop: Japan time, words not codes, the request and the desk, print and downloads, no violation',
      async (language) => {
        const w = WORDS[language];
        const { requestId, link } = await disclosedLink(language);
        for (const [width, viewport] of [
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ] as const) {
          const { page, context } = await newPage({ viewport, locale: language === 'ja' ? 'ja-JP' : 'en-GB' });
          const cspErrors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') cspErrors.push(m.text());
          });
          const answer = await page.goto(link);
          expect(answer?.headers()['content-type']).toContain('text/html');
          await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
            expect(await page.getByRole(landmark).count(), landmark).toBe(1);
          }

          const text = await page.evaluate<string>('document.body.innerText');
          const banner = (await page.getByRole('banner').textContent()) ?? '';
          expect(banner).toContain(w.requestNumber);
          expect(banner).toContain(requestId);
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
          expect(text).toMatch(w.time);
          expect(text).toContain(w.consent);
          expect(text).toContain(w.method);
          expect(text).toContain(w.basis);
          expect(text).toContain(w.provided);
          expect(text).toContain(DEMO_CUSTOMER.customerId);
          const footer = page.getByRole('contentinfo');
          await footer.getByRole('heading', { name: w.contact }).waitFor();
          expect(await footer.getByRole('link').getAttribute('href')).toMatch(/^mailto:\S+@\S+$/);
          // Registered values stay as they are, marked so (here, and in Mecara CRM's copy below).
          expect(await page.locator('[translate="no"]', { hasText: DEMO_CUSTOMER.customerId }).count()).toBe(2);
          // The demo processor's records, under its name: the answer waited for them.
          const crm = page.getByRole('region', { name: w.crm });
          await crm.getByRole('heading', { level: 2, name: w.crm }).waitFor();
          expect(await crm.textContent()).toContain(`${w.crmSource}: Mecara CRM`);
          expect(await crm.locator('[translate="no"]', { hasText: DEMO_CUSTOMER.email }).count()).toBe(1);

          if (width === 'phone') {
            expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
          }
          await checkPage(page, `dossier-${language}-${width}`);
          expect(await axeViolations(page)).toEqual([]);

          // The print button is there because its script ran under the CSP; it prints; print leaves out the buttons.
          const print = page.getByRole('button', { name: w.print });
          expect(await print.isVisible()).toBe(true);
          await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
          await print.click();
          expect(await page.evaluate('window.printed')).toBe(1);
          await page.emulateMedia({ media: 'print' });
          expect(await print.isVisible()).toBe(false);
          expect(await page.getByRole('link', { name: w.csv }).isVisible()).toBe(false);
          expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
          await page.screenshot({ path: `test-results/web/dossier-${language}-${width}-print.png`, fullPage: true });
          await page.emulateMedia({ media: 'screen' });

          if (width === 'desktop') {
            // Links cannot set Accept: each download names its format, and is saved under the request number.
            for (const [name, format] of [
              [w.json, 'json'],
              [w.csv, 'csv'],
            ] as const) {
              const [download] = await Promise.all([
                page.waitForEvent('download'),
                page.getByRole('link', { name }).click(),
              ]);
              expect(download.suggestedFilename()).toBe(`personal-data-disclosure-${requestId}.${format}`);
              const chunks: Buffer[] = [];
              for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
              const body = Buffer.concat(chunks).toString('utf8');
              if (format === 'json')
                expect(JSON.parse(body)).toMatchObject({
                  requestId,
                  language,
                  holderResults: [{ holder: 'Mecara CRM', available: true, heading: w.crm }],
                });
              else {
                expect(body.replace(/^\uFEFF/, '')).toMatch(new RegExp(`^${w.csvHeader}`));
                expect(body).toContain(`\r\n${w.crm},`);
              }
            }
          }
          expect(cspErrors).toEqual([]);
          await context.close();
        }
      },
      240_000,
    );
  });
}
