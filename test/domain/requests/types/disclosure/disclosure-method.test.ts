// Disclosure by the method the person chose (APPI Art. 33(1), Enforcement Rules Art. 30), of the parts
// they asked for (Art. 33(5)), in part when categories are withheld (Art. 33(2),(3), 36); and the
// paper copy: staff print it and record it as posted.

import { describe, expect, it } from 'vitest';
import { japanDay } from '../../../../../functions/domain/kernel/calendar';
import { POLICY_PURPOSES } from '../../../../../functions/domain/purposes/registry';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import type { DeskWrite } from '../../../../../functions/domain/requests/ports';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import {
  type StoredDisclosure,
  servedDossier,
} from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierCsv, dossierHtml } from '../../../../../functions/domain/requests/types/disclosure/dossier-formats';
import { getDisclosure } from '../../../../../functions/domain/requests/types/disclosure/get-disclosure';
import {
  getPaperDisclosure,
  recordPosting,
} from '../../../../../functions/domain/requests/types/disclosure/paper-disclosure';
import { disclosureDetails } from '../../../../../functions/domain/requests/types/disclosure/schema';
import { DEMO_COMPANY, DEMO_DESK } from '../../../../support/company';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  MapHoldingsReader,
  NOTHING_HELD,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
  SequenceSecrets,
} from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';
import { MemoryIncidents, reportableIncident } from '../../../incidents/doubles';
import { MemorySuppressions, TEST_MAC } from '../../../personal-data/personal-data-doubles';
import { MemoryRecipients } from '../../../provisions/doubles';
import { MapLifecycles } from '../../../purposes/doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const BASE_URL = 'https://desk.example.jp';
const ADDRESS = '〒100-0001 東京都千代田区千代田1-1 山田 花子';

function setup(
  details: Record<string, unknown> | undefined,
  overrides: Partial<DeskRequest> = {},
  holdings = HANAKO_HOLDINGS,
) {
  const requests = new ArrayRequestReader([receivedRequest({ ...(details ? { details } : {}), ...overrides })]);
  const writer = new ApplyingWriter(requests);
  const stored: StoredDisclosure[] = [];
  const deps = {
    requests,
    holdings: new MapHoldingsReader({ 'hanako.yamada@example.jp': holdings }),
    purposes: { versions: async () => [...POLICY_PURPOSES] },
    accessLog: new RecordingAccessLog(),
    writer,
    secrets: new SequenceSecrets(),
    clock: new FixedClock(NOW),
    company: DEMO_COMPANY,
    lifecycles: new MapLifecycles(),
    recipients: new MemoryRecipients(),
    identifierMac: TEST_MAC,
    suppressions: new MemorySuppressions(),
    disclosures: {
      get: async (tokenHash: string, now: Date) =>
        stored.find((d) => d.tokenHash === tokenHash && d.expiresAt > now.getTime() / 1000),
    },
  };
  const decide = async (input: DecisionInput) => {
    await decideRequest(deps, OPERATOR, 'req-1', input, BASE_URL);
    const commit = writer.commits.at(-1)!;
    stored.push(...commit.flatMap((w) => (w.kind === 'disclosure' ? [w.disclosure] : [])));
    return parts(commit);
  };
  return { deps, decide, requests };
}

function parts(writes: DeskWrite[]) {
  return {
    request: writes.flatMap((w) => (w.kind === 'request' ? [w.request] : []))[0]!,
    disclosure: writes.flatMap((w) => (w.kind === 'disclosure' ? [w.disclosure] : []))[0]!,
    message: writes.flatMap((w) => (w.kind === 'outbox' ? [w.message] : []))[0]!,
  };
}

const PARTIAL: DecisionInput = {
  outcome: 'partially-fulfilled',
  grounds: ['hindrance-to-business'],
  reason: 'The name on file is tied to an ongoing fraud investigation.',
  details: { withheld: ['name'] },
};

describe('disclosure details: the method, the format, the address and the parts', () => {
  const fieldsOf = (details: unknown) => {
    const parsed = disclosureDetails.safeParse(details);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  };

  it('takes electronic by default, a format hint, paper with an address, and the parts asked for', () => {
    expect(fieldsOf({})).toEqual([]);
    expect(fieldsOf({ method: 'electronic', format: 'csv', records: ['provision-records'] })).toEqual([]);
    expect(
      fieldsOf({ method: 'paper', postalAddress: ADDRESS, records: ['personal-data', 'provision-records'] }),
    ).toEqual([]);
  });

  it('asks for the address of a paper copy, and refuses one too long, or an address or format that does not fit the method', () => {
    expect(fieldsOf({ method: 'paper' })).toEqual([
      'postalAddress is required for a paper copy: the address to post it to',
    ]);
    expect(fieldsOf({ method: 'paper', postalAddress: 'x'.repeat(501) })[0]).toMatch(
      /^postalAddress must be at most 500 characters/,
    );
    expect(fieldsOf({ postalAddress: ADDRESS })).toEqual(['postalAddress is only for method "paper"']);
    expect(fieldsOf({ method: 'paper', postalAddress: ADDRESS, format: 'csv' })).toEqual([
      'format is only for method "electronic"',
    ]);
    expect(fieldsOf({ method: 'fax' })[0]).toMatch(/^method /);
    expect(fieldsOf({ records: [] })[0]).toMatch(/^records /);
    expect(fieldsOf({ records: ['everything'] })[0]).toMatch(/^records\.0 /);
  });
});

describe('disclosure fulfilled electronically', () => {
  it("records the method and the dossier's token hash on the decided request, and e-mails the link", async () => {
    const { decide } = setup(undefined);
    const { request, disclosure, message } = await decide({ outcome: 'fulfilled' });
    expect(request.delivery).toEqual({ method: 'electronic', dossierTokenHash: disclosure.tokenHash });
    expect(message.text).toContain(`${BASE_URL}/v1/disclosures/`);
  });

  it('mentions the format the person chose, in Japanese and in English', async () => {
    const ja = await setup({ format: 'csv' }).decide({ outcome: 'fulfilled' });
    expect(ja.message.text).toContain('ご指定の形式はCSVです');
    const en = await setup({ method: 'electronic', format: 'json' }, { language: 'en' }).decide({
      outcome: 'fulfilled',
    });
    expect(en.message.text).toContain('You asked for JSON: the page offers the data as a JSON file.');
  });
});

describe('disclosure fulfilled on paper', () => {
  it('stores the dossier for printing, records the paper delivery, and e-mails the address and no link', async () => {
    const { decide } = setup({ method: 'paper', postalAddress: ADDRESS });
    const { request, disclosure, message } = await decide({ outcome: 'fulfilled' });
    expect(disclosure.dossier.records!.length).toBe(3);
    expect(request.delivery).toEqual({ method: 'paper', dossierTokenHash: disclosure.tokenHash });
    expect(message.text).toContain(`書面の写しを次のご住所へ郵送いたします。\n${ADDRESS}`);
    expect(message.text).not.toContain('/v1/disclosures/');
  });

  it('says the same in English', async () => {
    const { message } = await setup({ method: 'paper', postalAddress: ADDRESS }, { language: 'en' }).decide({
      outcome: 'fulfilled',
    });
    expect(message.subject).toBe('Your personal data disclosure is ready');
    expect(message.text).toContain(`we will post a paper copy to the address you gave:\n${ADDRESS}`);
    expect(message.text).not.toContain('http');
  });
});

describe('the parts a disclosure covers (Art. 33(5))', () => {
  it('labels the third-party provision records and names recipient or provider', async () => {
    const {
      disclosure: { dossier },
    } = await setup(undefined).decide({ outcome: 'fulfilled' });
    expect(dossier.covers).toEqual(['personal-data', 'provision-records']);
    expect(dossier.provisionRecordsLabel).toBe('第三者提供記録（個人情報の保護に関する法律第33条第5項）');
    expect(dossier.provisionRecords![0]).toMatchObject({
      recipient: 'Example Payments K.K.',
      date: '2025-05-01',
      items: ['name', 'email'],
      basis: 'consent',
    });
    const served = servedDossier(dossier, new Date(NOW), DEMO_DESK);
    const html = dossierHtml(served, 'ja');
    expect(html).toContain('>第三者提供記録（個人情報の保護に関する法律第33条第5項）</h2>');
    expect(html).toContain('<dt>提供先</dt><dd><span translate="no">Example Payments K.K.</span></dd>');
    expect(html).toContain('<dt>項目</dt><dd><ul><li>氏名</li><li>メールアドレス</li></ul></dd>');
    expect(html).toContain('<dt>根拠</dt><dd>ご本人の同意（第27条第1項）</dd>');
    expect(html).toContain('<dt>年月日</dt><dd>2025年5月1日</dd>');
    const csv = dossierCsv(served);
    expect(csv).toContain(
      '第三者への提供,氏名 / メールアドレス,提供先: Example Payments K.K.,ご本人の同意（第27条第1項）,,2025-05-01,,',
    );
    expect(csv).toContain(
      '注記,第三者への提供 / 第三者からの受領,第三者提供記録（個人情報の保護に関する法律第33条第5項）',
    );
  });

  it('leaves out the personal data when only the provision records are asked for, and logs only what was read', async () => {
    const { decide, deps } = setup({ records: ['provision-records'] }, { language: 'en' });
    const {
      disclosure: { dossier },
    } = await decide({ outcome: 'fulfilled' });
    expect(dossier).not.toHaveProperty('records');
    expect(dossier).not.toHaveProperty('consents');
    expect(dossier).not.toHaveProperty('purposesOfUse');
    expect(dossier.provisionRecordsLabel).toBe(
      'Records of provision to and receipt from third parties (APPI Art. 33(5))',
    );
    expect(deps.accessLog.entries[0]!.fields).toEqual(['provision-records']);
    expect(dossierHtml(dossier, 'en')).not.toContain('Personal data we hold');
    expect(dossierCsv(dossier)).not.toMatch(/\r\n(Personal data we hold|Consents),/);
  });

  it('leaves out the provision records when only the personal data is asked for', async () => {
    const { decide, deps } = setup({ records: ['personal-data'] });
    const {
      disclosure: { dossier },
    } = await decide({ outcome: 'fulfilled' });
    expect(dossier).not.toHaveProperty('provisionRecords');
    expect(dossier).not.toHaveProperty('provisionRecordsLabel');
    expect(deps.accessLog.entries[0]!.fields).toEqual(['advertising-id', 'email', 'name', 'consents']);
    expect(dossierHtml(dossier, 'ja')).not.toContain('第三者提供記録');
  });
});

describe('disclosure partially fulfilled', () => {
  it('omits the withheld categories and says which, on which grounds and why, in the dossier and the e-mail', async () => {
    const { decide, deps } = setup(undefined);
    const {
      request,
      disclosure: { dossier },
      message,
    } = await decide(PARTIAL);
    expect(request.status).toBe('partially-fulfilled');
    expect(request.decision).toMatchObject({ grounds: ['hindrance-to-business'], details: { withheld: ['name'] } });
    expect(dossier.records!.map((r) => r.category)).toEqual(['email', 'advertising-id']);
    expect(dossier.purposesOfUse!.map((p) => p.id)).not.toContain('billing');
    expect(dossier.withheld).toEqual({
      categories: [{ id: 'name', label: '氏名' }],
      grounds: [
        {
          id: 'hindrance-to-business',
          label: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある場合（第33条第2項第2号）',
        },
      ],
      reason: PARTIAL.reason,
    });
    expect(deps.accessLog.entries[0]!.fields).toEqual(['advertising-id', 'email', 'consents', 'provision-records']);
    expect(message.subject).toBe('保有個人データの開示（一部）のご用意ができました');
    expect(message.text).toContain('次の項目は開示しておりません（個人情報の保護に関する法律第33条第3項）。\n- 氏名');
    expect(message.text).toContain('第33条第2項第2号');
    expect(message.text).toContain(PARTIAL.reason!);
    const html = dossierHtml(dossier, 'ja');
    expect(html).toContain('>開示しなかった項目</h2>');
    expect(html).not.toContain('山田 花子</span>');
    expect(dossierCsv(dossier)).toContain('開示しなかった項目,氏名,,');
  });

  it("writes the English e-mail with the grounds' labels and the reason", async () => {
    const {
      message,
      disclosure: { dossier },
    } = await setup(undefined, { language: 'en' }).decide(PARTIAL);
    expect(message.subject).toBe('Your personal data disclosure is ready, in part');
    expect(message.text).toContain('We have not disclosed the following items (APPI Art. 33(3)):\n- Name');
    expect(message.text).toContain('Art. 33(2)(ii)');
    expect(dossierHtml(dossier, 'en')).toContain('Items not disclosed');
  });

  it('answers unprocessable naming a withheld category the person has no data in, and writes nothing', async () => {
    const { deps } = setup(undefined);
    const problem = await problemOf(
      decideRequest(
        deps,
        OPERATOR,
        'req-1',
        { ...PARTIAL, details: { withheld: ['email', 'medical-history'] } },
        BASE_URL,
      ),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain(
      'details.withheld: medical-history is not among the categories this disclosure covers',
    );
    expect(deps.writer.commits).toEqual([]);
  });

  it('cannot withhold personal data the person did not ask for', async () => {
    const { deps } = setup({ records: ['provision-records'] });
    const problem = await problemOf(decideRequest(deps, OPERATOR, 'req-1', PARTIAL, BASE_URL));
    expect(problem.detail).toContain('name is not among the categories this disclosure covers (none)');
    expect(deps.writer.commits).toEqual([]);
  });
});

describe('the paper copy: printed by staff', () => {
  it('serves the stored dossier as the printable page or JSON, access-logged with the persons it is about before it is shown', async () => {
    const { decide, deps } = setup({ method: 'paper', postalAddress: ADDRESS });
    await decide({ outcome: 'fulfilled' });
    const page = await getPaperDisclosure(deps, OPERATOR, 'req-1', 'html');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('@media print');
    const json = await getPaperDisclosure(deps, OPERATOR, 'req-1', 'json');
    expect(json.body).toMatchObject({ requestId: 'req-1', covers: ['personal-data', 'provision-records'] });
    expect(deps.accessLog.entries.slice(1)).toEqual(
      Array(2).fill({
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: HANAKO_HOLDINGS.subjectIds,
        fields: ['personal-data', 'provision-records'],
        reason: 'disclosure req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      }),
    );
  });

  it('answers conflict for an electronic disclosure, an undecided one and another type; gone once the copy expired', async () => {
    const electronic = setup(undefined);
    await electronic.decide({ outcome: 'fulfilled' });
    expect((await problemOf(getPaperDisclosure(electronic.deps, OPERATOR, 'req-1', 'html'))).title).toBe(
      'Not a paper disclosure',
    );
    const undecided = setup({ method: 'paper', postalAddress: ADDRESS });
    expect((await problemOf(getPaperDisclosure(undecided.deps, OPERATOR, 'req-1', 'html'))).title).toBe(
      'Not disclosed',
    );
    const other = setup({ grounds: ['no-longer-needed'] }, { type: 'cessation-of-provision' });
    expect((await problemOf(getPaperDisclosure(other.deps, OPERATOR, 'req-1', 'html'))).kind).toBe('conflict');

    const paper = setup({ method: 'paper', postalAddress: ADDRESS });
    await paper.decide({ outcome: 'fulfilled' });
    paper.deps.clock.set('2026-11-26T05:30:00.000Z');
    const gone = await problemOf(getPaperDisclosure(paper.deps, OPERATOR, 'req-1', 'html'));
    expect(gone.kind).toBe('gone');
    // Only the decision's read: an expired copy shows nobody anything.
    expect(paper.deps.accessLog.entries).toHaveLength(1);
  });
});

// Records leave the desk at their own expiresAt (policy §2(4)); TTL deletes them days later in AWS.
// A copy made before must not serve them after: each item goes at its record's expiry, and the copy
// itself when the last of its items has gone, if that is before the link's 14 days.
describe('a stored dossier and the expiry of what it copies', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;
  const DAY_1 = '2026-11-13T05:30:00.000Z';
  const DAY_2 = '2026-11-14T05:30:00.000Z';
  const DAY_3 = '2026-11-15T05:30:00.000Z';
  const expiring = {
    ...HANAKO_HOLDINGS,
    records: HANAKO_HOLDINGS.records.map((r) => (r.recordId === 'rec-cookie' ? { ...r, expiresAt: at(DAY_2) } : r)),
    consents: HANAKO_HOLDINGS.consents.map((c) => ({ ...c, expiresAt: at(DAY_3) })),
    provisionRecords: HANAKO_HOLDINGS.provisionRecords.map((p) => ({ ...p, expiresAt: at(DAY_1) })),
  };
  const served = (body: unknown) =>
    body as {
      records: Array<{ value: string }>;
      purposesOfUse: Array<{ id: string }>;
      consents: unknown[];
      provisionRecords: unknown[];
    };

  it('the link and the paper copy leave out each record, consent and provision record from its own expiry on', async () => {
    for (const method of ['electronic', 'paper'] as const) {
      const { decide, deps } = setup(method === 'paper' ? { method, postalAddress: ADDRESS } : undefined, {}, expiring);
      const { message } = await decide({ outcome: 'fulfilled' });
      const token = /\/v1\/disclosures\/(\S+)/.exec(message.text)?.[1];
      const read = async () =>
        served(
          (method === 'paper'
            ? await getPaperDisclosure(deps, OPERATOR, 'req-1', 'json')
            : await getDisclosure(deps, token!, 'json')
          ).body,
        );

      let dossier = await read();
      expect(dossier.records.map((r) => r.value)).toEqual(['山田 花子', 'hanako.yamada@example.jp', 'ad-5f2c']);
      expect(dossier.provisionRecords).toHaveLength(1);
      expect(JSON.stringify(dossier)).not.toContain('expiresAt');

      deps.clock.set(DAY_1);
      dossier = await read();
      expect(dossier.provisionRecords).toEqual([]);
      expect(dossier.records).toHaveLength(3);

      deps.clock.set(DAY_2);
      dossier = await read();
      expect(dossier.records.map((r) => r.value)).toEqual(['山田 花子', 'hanako.yamada@example.jp']);
      // The purposes only the gone record was used for are no longer said to apply.
      expect(dossier.purposesOfUse.map((p) => p.id)).toEqual([
        'billing',
        'information-and-inquiries',
        'service-provision',
      ]);
      expect(dossier.consents).toHaveLength(1);

      deps.clock.set(DAY_3);
      dossier = await read();
      expect(dossier.consents).toEqual([]);
      expect(dossier.records).toHaveLength(2);
    }
  });

  it('the page and the CSV leave out an expired value too', async () => {
    const { decide, deps } = setup(undefined, {}, expiring);
    const { message } = await decide({ outcome: 'fulfilled' });
    const token = /\/v1\/disclosures\/(\S+)/.exec(message.text)![1]!;
    expect((await getDisclosure(deps, token, 'csv')).body).toContain('ad-5f2c');
    deps.clock.set(DAY_2);
    for (const format of ['html', 'csv'] as const) {
      expect((await getDisclosure(deps, token, format)).body).not.toContain('ad-5f2c');
    }
  });

  it('a copy whose every item expires before the 14 days expires with the last of them, and the e-mail says so', async () => {
    const allExpiring = { ...expiring, records: expiring.records.map((r) => ({ ...r, expiresAt: at(DAY_2) })) };
    const { decide } = setup(undefined, {}, allExpiring);
    const { disclosure, message } = await decide({ outcome: 'fulfilled' });
    expect(disclosure.expiresAt).toBe(at(DAY_3));
    expect(message.text).toContain('2026年11月15日');
  });

  it('a copy holding anything without an expiry, or holding nothing, keeps the 14 days', async () => {
    expect((await setup(undefined, {}, expiring).decide({ outcome: 'fulfilled' })).disclosure.expiresAt).toBe(
      at('2026-11-26T05:30:00.000Z'),
    );
    expect((await setup(undefined, {}, NOTHING_HELD).decide({ outcome: 'fulfilled' })).disclosure.expiresAt).toBe(
      at('2026-11-26T05:30:00.000Z'),
    );
  });

  it('only what the copy shows counts: a withheld record that lives on does not keep it longer', async () => {
    const withheldLives = {
      ...expiring,
      records: expiring.records.map((r) => (r.category === 'name' ? r : { ...r, expiresAt: at(DAY_2) })),
    };
    const { decide } = setup(undefined, {}, withheldLives);
    const { disclosure } = await decide({ ...PARTIAL, details: { withheld: ['name'] } });
    expect(disclosure.expiresAt).toBe(at(DAY_3));
  });
});

describe('the paper copy: recorded as posted', () => {
  it('defaults to today in Japan, records date, tracking number and who, and e-mails the requester in the same commit', async () => {
    const { decide, deps, requests } = setup({ method: 'paper', postalAddress: ADDRESS });
    await decide({ outcome: 'fulfilled' });
    deps.clock.set('2026-11-12T16:00:00.000Z'); // 01:00 on 13 November in Japan
    const result = await recordPosting(deps, OPERATOR, 'req-1', { trackingNumber: '1234-5678-9012' });
    expect(result).toEqual({ requestId: 'req-1', postedOn: '2026-11-13', trackingNumber: '1234-5678-9012' });
    const commit = deps.writer.commits.at(-1)!;
    expect(commit.map((w) => w.kind)).toEqual(['request', 'outbox']);
    const posted = requests.items[0]!;
    expect(posted.delivery).toMatchObject({
      method: 'paper',
      postedOn: '2026-11-13',
      trackingNumber: '1234-5678-9012',
      postedBy: OPERATOR.staffId,
    });
    expect(posted.history.at(-1)).toEqual({ at: '2026-11-12T16:00:00.000Z', event: 'posted', by: OPERATOR.staffId });
    expect(posted.status).toBe('fulfilled');
    const { message } = parts(commit);
    expect(message).toMatchObject({
      to: ['hanako.yamada@example.jp'],
      topic: 'disclosure-posted',
      subject: '保有個人データの開示書面を発送しました',
    });
    expect(message.text).toContain('2026-11-13にご指定のご住所へ発送いたしました');
    expect(message.text).toContain('お問い合わせ番号: 1234-5678-9012');
    expect(deps.accessLog.entries.at(-1)).toMatchObject({
      action: 'write',
      fields: ['delivery'],
      subjects: ['request:req-1'],
    });
  });

  it('writes the English e-mail without a tracking number when none was given', async () => {
    const { decide, deps } = setup({ method: 'paper', postalAddress: ADDRESS }, { language: 'en' });
    await decide({ outcome: 'fulfilled' });
    await recordPosting(deps, OPERATOR, 'req-1', { postedOn: '2026-11-12' });
    const { message } = parts(deps.writer.commits.at(-1)!);
    expect(message.subject).toBe('We have posted your personal data disclosure');
    expect(message.text).toContain('was posted on 2026-11-12 to the address you gave.');
    expect(message.text).not.toContain('Tracking');
  });

  it('records a posting once: the second is a conflict, and nothing more is written', async () => {
    const { decide, deps } = setup({ method: 'paper', postalAddress: ADDRESS });
    await decide(PARTIAL);
    await recordPosting(deps, OPERATOR, 'req-1');
    const commits = deps.writer.commits.length;
    const again = await problemOf(recordPosting(deps, OPERATOR, 'req-1'));
    expect(again).toMatchObject({ kind: 'conflict', title: 'Already posted' });
    expect(deps.writer.commits).toHaveLength(commits);
  });

  it('answers conflict for an electronic or undecided disclosure, and unprocessable for a date before the decision or after today', async () => {
    const electronic = setup(undefined);
    await electronic.decide({ outcome: 'fulfilled' });
    expect((await problemOf(recordPosting(electronic.deps, OPERATOR, 'req-1'))).kind).toBe('conflict');
    const undecided = setup({ method: 'paper', postalAddress: ADDRESS });
    expect((await problemOf(recordPosting(undecided.deps, OPERATOR, 'req-1'))).title).toBe('Not disclosed');

    const paper = setup({ method: 'paper', postalAddress: ADDRESS });
    await paper.decide({ outcome: 'fulfilled' });
    for (const postedOn of ['2026-11-11', '2026-11-13']) {
      const problem = await problemOf(recordPosting(paper.deps, OPERATOR, 'req-1', { postedOn }));
      expect(problem.kind).toBe('unprocessable');
      expect(problem.detail).toContain('from the decision (2026-11-12) to today (2026-11-12)');
    }
    expect(paper.deps.writer.commits).toHaveLength(1);
  });

  it("counts days in Japan time whatever the machine's zone", () => {
    expect(japanDay(new Date('2026-11-12T14:59:59.000Z'))).toBe('2026-11-12');
    expect(japanDay(new Date('2026-11-12T15:00:00.000Z'))).toBe('2026-11-13');
  });
});

describe('the incidents that involved the person’s data (APPI Art. 26)', () => {
  function withIncidents() {
    const incidents = new MemoryIncidents()
      .seed(reportableIncident({ incidentId: 'INC-2026-11-02-DOSS01', awareAt: '2026-11-02T01:00:00.000Z' }), [
        'subj-hanako-1',
        'subj-someone-else',
      ])
      .seed(
        reportableIncident({
          incidentId: 'INC-2026-11-05-DOSS02',
          state: 'draft',
          awareAt: '2026-11-05T01:00:00.000Z',
        }),
        ['subj-hanako-1'],
      );
    const sent = { state: 'sent' as const, decidedAt: NOW, decidedBy: 'officer', messageId: 'm-1', sentAt: NOW };
    incidents.links.get('INC-2026-11-02-DOSS01')!.get('subj-hanako-1')!.notice = sent;
    incidents.links.get('INC-2026-11-02-DOSS01')!.get('subj-someone-else')!.notice = {
      state: 'unreachable',
      decidedAt: NOW,
      decidedBy: 'officer',
      alternativeMeasure: 'Someone else’s measure, never in Hanako’s dossier.',
    };
    return incidents;
  }

  it('states each registered incident and the notice this person was sent; no draft, nothing of anyone else', async () => {
    // Without incidents the dossier has no such part.
    const plain = await setup(undefined).decide({ outcome: 'fulfilled' });
    expect(plain.disclosure.dossier.incidents).toBeUndefined();

    const again = setup(undefined);
    Object.assign(again.deps, { incidents: withIncidents() });
    const { disclosure } = await again.decide({ outcome: 'fulfilled' });
    expect(disclosure.dossier.incidents).toEqual([
      {
        incidentId: 'INC-2026-11-02-DOSS01',
        kinds: ['leak'],
        kindLabels: ['漏えい'],
        awareAt: '2026-11-02T01:00:00.000Z',
        notice: { state: 'sent', sentAt: NOW },
      },
    ]);
    const served = servedDossier(disclosure.dossier, new Date(NOW), DEMO_DESK);
    const html = dossierHtml(served, 'ja');
    expect(html).toContain('お客様の個人データに関する漏えい等の事案</h2>');
    expect(html).toContain('2026年11月12日 14:30にメールでお知らせしました。');
    expect(html).not.toContain('DOSS02');
    const text = JSON.stringify(served) + html + dossierCsv(served);
    expect(text).not.toContain('subj-someone-else');
    expect(text).not.toContain('Someone else');
    expect(dossierCsv(served)).toContain('お客様の個人データに関する漏えい等の事案,INC-2026-11-02-DOSS01,');
  });

  it('says so in English, and states the alternative measure where the person could not be reached', async () => {
    const incidents = withIncidents();
    incidents.links.get('INC-2026-11-02-DOSS01')!.get('subj-hanako-1')!.notice = {
      state: 'unreachable',
      decidedAt: NOW,
      decidedBy: 'officer',
      alternativeMeasure: 'Published on our website on 12 November 2026.',
    };
    const en = setup(undefined, { language: 'en' });
    Object.assign(en.deps, { incidents });
    const { disclosure } = await en.decide({ outcome: 'fulfilled' });
    const html = dossierHtml(servedDossier(disclosure.dossier, new Date(NOW), DEMO_DESK), 'en');
    expect(html).toContain('Leaks, losses or damage involving your personal data</h2>');
    expect(html).toContain('<li>Leak</li>');
    expect(html).toContain(
      'We could not reach you, so we took this measure instead: Published on our website on 12 November 2026.',
    );
  });

  it('is left out when only the provision records are asked for', async () => {
    const only = setup({ records: ['provision-records'] });
    Object.assign(only.deps, { incidents: withIncidents() });
    const { disclosure } = await only.decide({ outcome: 'fulfilled' });
    expect(disclosure.dossier.incidents).toBeUndefined();
  });
});
