// The console's subject view and the officer's pages in a real Chromium against the local desk: an
// operator names the reason before a subject's data is read (a closed or unknown request is refused
// inline), the officer finds that read in the access log, creates and disables an account (whose
// sign-in then fails) and verifies the log's chain; an officer role asked for while a second officer
// exists waits for that officer's confirmation; an auditor cannot reach account management.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_CONSOLE_PATH } from '../../../local/privacy-center';
import { DEMO_CUSTOMER } from '../../../local/seed';
import { checkPage, DESKTOP } from '../../support/browser';
import { mailbox, uniqueEmail } from '../../support/desk';
import { E2E_DEMO_PASSWORD } from '../../support/e2e';
import type { ConsoleDesk } from './desk';

export function describeOfficer({ desk, client, newPage }: ConsoleDesk) {
  const SELF = { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email };

  /** Opens the console at a page and signs in with the local form. */
  async function signedIn(
    username: string,
    hash: string,
    locale = 'ja-JP',
    password = E2E_DEMO_PASSWORD,
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage({ viewport: DESKTOP, locale });
    await page.goto(`${desk().url}${DESK_CONSOLE_PATH}${hash}`);
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(username, { exact: false }).first().waitFor();
    return { page, close: () => context.close() };
  }

  describe("the subject view and the officer's pages", () => {
    it('asks an operator for the reason first, refuses a closed or unknown request inline, and shows the data for an open one; the officer finds the read', async () => {
      const open = await client.submitAndVerify({
        type: 'disclosure',
        requester: SELF,
        subject: { email: DEMO_CUSTOMER.email },
      });
      const closed = await client.submitAndVerify({
        type: 'purpose-notification',
        requester: SELF,
        subject: { email: DEMO_CUSTOMER.email },
      });
      const withdrawn = await client.call('POST', `/v1/requests/${closed.requestId}/withdrawal`, {
        token: closed.statusToken,
        body: {},
      });
      expect(withdrawn.status, withdrawn.text).toBe(200);

      const { page, close } = await signedIn('operator', '#/subjects');
      await page.getByRole('heading', { level: 1, name: '本人の検索' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('アクセス記録に残ります');

      // No reason, no search: the page asks for it and calls nothing.
      await page.getByLabel('検索する値（メールアドレス）').fill(DEMO_CUSTOMER.email);
      await page.getByRole('button', { name: '検索する（アクセス記録に残ります）' }).click();
      await page.getByText('閲覧の理由を選んでください。', { exact: true }).waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("name")')).toBe('reason-kind');
      await checkPage(page, 'desk-officer-1-subject-search-reason-ja');

      await page.getByLabel('対応中の請求のため').check();
      await page.getByLabel('請求', { exact: true }).selectOption(open.requestId);
      await page.getByRole('button', { name: '検索する（アクセス記録に残ります）' }).click();
      await page.getByRole('link', { name: `${DEMO_CUSTOMER.subjectId} を開く` }).click();

      await page.getByRole('heading', { level: 1, name: '本人の保有個人データ' }).waitFor();
      // The reason is asked again for the read itself; a withdrawn request is refused at its field.
      await page.getByLabel('請求', { exact: true }).selectOption({ label: 'その他（受付番号を入力）' });
      await page.getByLabel('受付番号').fill(closed.requestId);
      await page.getByRole('button', { name: '理由を記録して表示する' }).click();
      const typed = page.getByLabel('受付番号');
      await expect.poll(() => typed.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${await typed.getAttribute('aria-describedby')}`).textContent()).toContain(
        '対応中ではありません',
      );
      expect(await page.getByRole('main').textContent()).not.toContain(DEMO_CUSTOMER.email);
      await checkPage(page, 'desk-officer-2-subject-refused-ja');

      await typed.fill('no-such-request');
      await page.getByRole('button', { name: '理由を記録して表示する' }).click();
      await expect.poll(() => page.locator('#reason-request-id-error').textContent()).toContain('対応中ではありません');

      await page.getByLabel('請求', { exact: true }).selectOption(open.requestId);
      await page.getByRole('button', { name: '理由を記録して表示する' }).click();
      await page.getByText(`「request ${open.requestId}」として記録されました`).waitFor();
      await page.getByRole('cell', { name: DEMO_CUSTOMER.email }).waitFor();
      // Shown, not stored: nothing in localStorage, and no value of the subject in sessionStorage.
      expect(await page.evaluate('localStorage.length')).toBe(0);
      expect(await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')).not.toContain(DEMO_CUSTOMER.email);
      expect(page.url()).toBe(`${desk().url}${DESK_CONSOLE_PATH}#/subjects/${DEMO_CUSTOMER.subjectId}`);
      await checkPage(page, 'desk-officer-3-subject-data-ja');
      await close();

      const officer = await signedIn('officer', '#/access-log');
      await officer.page.getByRole('heading', { level: 1, name: 'アクセス記録' }).waitFor();
      await officer.page.getByLabel('担当者（ユーザー名）').fill('operator');
      await officer.page.getByLabel('対象（本人ID、又は request:受付番号）').fill(DEMO_CUSTOMER.subjectId);
      await officer.page.getByRole('button', { name: '表示する' }).click();
      await officer.page
        .getByRole('cell', { name: `request ${open.requestId}` })
        .first()
        .waitFor();
      await close();
      await officer.close();
    }, 120_000);

    it('lets the officer create and disable an account, whose sign-in then fails, and verify the access log', async () => {
      const staffId = `temp-${Date.now().toString(36)}`;
      const email = uniqueEmail('temp-staff');
      const { page, close } = await signedIn('officer', '#/accounts');
      await page.getByRole('heading', { level: 1, name: '担当者アカウント' }).waitFor();
      // The officer's own account offers no change.
      expect(await page.getByRole('button', { name: 'officer を操作' }).isDisabled()).toBe(true);
      await checkPage(page, 'desk-officer-4-accounts-ja');

      await page.getByLabel('ユーザー名', { exact: true }).fill(staffId);
      await page.getByLabel('氏名').fill('仮 担当');
      await page.getByLabel('メールアドレス', { exact: true }).fill(email);
      await page.getByLabel('役割', { exact: true }).selectOption('operator');
      await page.getByRole('button', { name: '作成する' }).click();
      await page.getByText(`仮パスワードを ${email} にメールで送りました`).waitFor();

      // The new person sets a password and can sign in.
      let mail: Awaited<ReturnType<typeof mailbox>>[number] | undefined;
      await expect
        .poll(async () => (mail = (await mailbox(email)).at(-1)) !== undefined, { timeout: 20_000 })
        .toBe(true);
      const temporary = /\n {4}(\S+)\n/.exec(mail!.body.text ?? '')![1]!;
      const newPassword = 'a-long-new-password-2026';
      expect(
        (
          await client.call('POST', '/local/password', {
            body: { username: staffId, password: temporary, newPassword },
          })
        ).status,
      ).toBe(200);
      expect(
        (await client.call('POST', '/local/sign-in', { body: { username: staffId, password: newPassword } })).status,
      ).toBe(200);

      // Creating it again is a conflict, explained in words.
      await page.getByLabel('ユーザー名', { exact: true }).fill(staffId);
      await page.getByLabel('氏名').fill('仮 担当');
      await page.getByLabel('メールアドレス', { exact: true }).fill(email);
      await page.getByRole('button', { name: '作成する' }).click();
      await page.getByText('このユーザー名のアカウントは既にあります').waitFor();

      await page.getByRole('button', { name: `${staffId} を操作` }).click();
      // A transfer without a reason is refused at the field; with one, the new role holds.
      await page.getByLabel('新しい役割').selectOption('auditor');
      await page.getByRole('button', { name: '役割を変更する' }).click();
      await expect.poll(() => page.getByLabel('理由', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('理由', { exact: true }).fill('監査チームへの異動');
      await page.getByRole('button', { name: '役割を変更する' }).click();
      await page.getByText(`${staffId} の役割を監査担当者にしました。`).waitFor();
      expect(
        (await client.call('POST', '/local/sign-in', { body: { username: staffId, password: newPassword } })).json
          .idToken,
      ).toBeTruthy();

      await page.getByRole('button', { name: `${staffId} を操作` }).click();
      await page.getByLabel('無効化の理由').selectOption('retirement');
      await page.getByRole('button', { name: '無効化する…' }).click();
      await page.getByText(`${staffId} を無効にしますか（理由: 退職）`).waitFor();
      await checkPage(page, 'desk-officer-5-disable-confirm-ja');
      await page.getByRole('button', { name: '無効化を確定する' }).click();
      await page.getByText(`${staffId} を無効にしました。`).waitFor();
      const signIn = await client.call('POST', '/local/sign-in', {
        body: { username: staffId, password: newPassword },
      });
      expect(signIn.status).toBe(403);
      expect(signIn.json.title).toBe('Account disabled');

      // The officer's own read of a subject, then the access log: the read is listed, and the chain verifies.
      const officerToken = await client.signIn('officer');
      expect(
        (
          await client.call('GET', `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}?purpose=service-provision`, {
            token: officerToken,
          })
        ).status,
      ).toBe(200);
      await page.getByRole('link', { name: 'アクセス記録' }).click();
      await page.getByRole('heading', { level: 1, name: 'アクセス記録' }).waitFor();
      await page.getByRole('cell', { name: 'purpose service-provision' }).first().waitFor();
      await page.getByRole('button', { name: '検証する' }).click();
      await page.getByText('改ざんは見つかりませんでした。').waitFor();
      await checkPage(page, 'desk-officer-6-access-log-ja');
      await close();
    }, 120_000);

    it('with a second officer, an account asked for as officer waits: the asker sees it awaits another officer, who confirms it', async () => {
      const suffix = Date.now().toString(36);
      const deputy = `deputy-${suffix}`;
      const candidate = `cand-${suffix}`;
      const DEPUTY_PASSWORD = 'deputy-password-2026';
      // The only officer makes a deputy officer at once (nobody else could confirm); the deputy sets a password.
      const officerToken = await client.signIn('officer');
      const deputyEmail = uniqueEmail('deputy');
      const made = await client.call('POST', '/v1/staff/accounts', {
        token: officerToken,
        body: { staffId: deputy, displayName: '副 管理者', email: deputyEmail, role: 'officer' },
      });
      expect(made.json.role, made.text).toBe('officer');
      let mail: Awaited<ReturnType<typeof mailbox>>[number] | undefined;
      await expect
        .poll(async () => (mail = (await mailbox(deputyEmail)).at(-1)) !== undefined, { timeout: 20_000 })
        .toBe(true);
      const temporary = /\n {4}(\S+)\n/.exec(mail!.body.text ?? '')![1]!;
      expect(
        (
          await client.call('POST', '/local/password', {
            body: { username: deputy, password: temporary, newPassword: DEPUTY_PASSWORD },
          })
        ).status,
      ).toBe(200);

      const asker = await signedIn('officer', '#/accounts');
      await asker.page.getByRole('heading', { level: 1, name: '担当者アカウント' }).waitFor();
      await asker.page.getByLabel('ユーザー名', { exact: true }).fill(candidate);
      await asker.page.getByLabel('氏名').fill('候補 太郎');
      await asker.page.getByLabel('メールアドレス', { exact: true }).fill(uniqueEmail('candidate'));
      await asker.page.getByLabel('役割', { exact: true }).selectOption('officer');
      await asker.page.getByRole('button', { name: '作成する' }).click();
      await asker.page
        .getByText(
          `${candidate} を監査担当者として作成しました。個人情報保護管理者の役割は、他の管理者が確認するまで付与されません。`,
        )
        .waitFor();
      await asker.page.getByRole('button', { name: `${candidate} を操作` }).click();
      await asker.page.getByText('あなたの申請です。他の管理者の確認を待っています').waitFor();
      expect(await asker.page.getByRole('button', { name: '確認して管理者の役割を付与する' }).count()).toBe(0);
      await checkPage(asker.page, 'desk-officer-9-officer-grant-asked-ja');
      await asker.close();

      const other = await signedIn(deputy, '#/accounts', 'ja-JP', DEPUTY_PASSWORD);
      await other.page.getByRole('button', { name: `${candidate} を操作` }).click();
      await other.page.getByText('個人情報保護管理者の役割を申請中（officer、').first().waitFor();
      await other.page.getByRole('button', { name: '確認して管理者の役割を付与する' }).click();
      await other.page
        .getByText(`${candidate} を個人情報保護管理者にしました（officer の申請をあなたが確認）。`)
        .waitFor();
      const listed = await client.call('GET', '/v1/staff/accounts', { token: officerToken });
      expect(listed.json.items.find((a: { staffId: string }) => a.staffId === candidate)).toMatchObject({
        role: 'officer',
        roleConfirmedBy: deputy,
      });
      await other.close();
    }, 120_000);

    it('keeps account management from the auditor, who reads and verifies the access log', async () => {
      const { page, close } = await signedIn('auditor', '#/access-log', 'en-GB');
      await page.getByRole('heading', { level: 1, name: 'アクセス記録' }).waitFor();
      expect(await page.getByRole('link', { name: '担当者アカウント' }).count()).toBe(0);
      await page.goto(`${desk().url}${DESK_CONSOLE_PATH}#/accounts`);
      await page.getByText('このページはあなたの役割では利用できません。').waitFor();
      await checkPage(page, 'desk-officer-7-accounts-refused-ja');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Access log' }).click();
      await page.getByRole('heading', { level: 1, name: 'Access log' }).waitFor();
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('The access log is intact.').waitFor();
      await checkPage(page, 'desk-officer-8-access-log-en');
      await close();
    }, 90_000);

    it('lets the officer lift a cessation of provision to a recipient, with a reason and a confirmation; the operator is not offered it', async () => {
      const { requestId } = await client.submitAndVerify({
        type: 'cessation-of-provision',
        requester: SELF,
        subject: { email: DEMO_CUSTOMER.email },
        details: { grounds: ['no-longer-needed'] },
      });
      const decided = await client.call('POST', `/v1/staff/requests/${requestId}/decision`, {
        token: await client.signIn('operator'),
        body: {
          outcome: 'fulfilled',
          details: { recipients: { scope: 'named', recipientIds: ['mecara-payments', 'northwind-analytics'] } },
        },
      });
      expect(decided.status, decided.text).toBe(200);
      const readSubject = async (page: Page) => {
        await page.getByLabel('利用目的のため').check();
        await page.getByLabel('利用目的', { exact: true }).selectOption('service-provision');
        await page.getByRole('button', { name: '理由を記録して表示する' }).click();
        await page.getByRole('cell', { name: DEMO_CUSTOMER.email }).waitFor();
      };

      const operator = await signedIn('operator', `#/subjects/${DEMO_CUSTOMER.subjectId}`);
      await readSubject(operator.page);
      expect(await operator.page.getByRole('heading', { name: '第三者提供の停止の解除' }).count()).toBe(0);
      await operator.close();

      const { page, close } = await signedIn('officer', `#/subjects/${DEMO_CUSTOMER.subjectId}`);
      await readSubject(page);
      const lift = page.getByRole('region', { name: '第三者提供の停止の解除' });
      await lift.getByLabel(/^Mecara Payments K\.K\.（JP）/).check();
      // Confirmed without a reason: the API's 422 is shown at the reason, which takes the focus.
      await lift.getByRole('button', { name: '解除する…' }).click();
      await lift.getByRole('button', { name: '解除を確定する' }).click();
      const reason = lift.getByLabel('解除の理由');
      await expect.poll(() => reason.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('lift-reason');
      expect(await page.locator('#lift-reason-error').textContent()).toBe(
        '解除の理由を入力してください（2000文字まで）。',
      );
      await checkPage(page, 'desk-officer-9-lift-reason-ja');

      await reason.fill('本人から提供再開の申出があったため');
      await lift.getByRole('button', { name: '解除する…' }).click();
      await lift.getByText('「Mecara Payments K.K.（JP）」への提供停止を解除しますか。').waitFor();
      await checkPage(page, 'desk-officer-10-lift-confirm-ja');
      await lift.getByRole('button', { name: '解除を確定する' }).click();
      await page.getByText('「Mecara Payments K.K.（JP）」への提供停止を解除しました', { exact: false }).waitFor();
      expect(await page.getByRole('status').filter({ hasText: '解除しました' }).textContent()).toContain(
        '引き続き停止中：「Northwind Analytics Inc.（US）」',
      );
      await checkPage(page, 'desk-officer-11-lifted-ja');

      // Lifted meanwhile by someone else: the 409 is explained, nothing is lost from the form.
      const other = await client.call(
        'POST',
        `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}/provision-cessation-lifts`,
        {
          token: await client.signIn('officer'),
          body: { recipients: { scope: 'all' }, reason: '別の担当者が解除' },
        },
      );
      expect(other.status, other.text).toBe(201);
      await lift.getByLabel(/^Northwind Analytics Inc\.（US）/).check();
      await reason.fill('本人から提供再開の申出があったため');
      await lift.getByRole('button', { name: '解除する…' }).click();
      await lift.getByRole('button', { name: '解除を確定する' }).click();
      await lift.getByText('この本人について停止中の第三者提供はありません。', { exact: false }).waitFor();
      expect(await reason.inputValue()).toBe('本人から提供再開の申出があったため');
      await close();
    }, 120_000);
  });
}
