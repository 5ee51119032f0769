// POST /v1/system/personal-data against DynamoDB Local: a company system registers one subject's
// records, all or none; bad input is a 400 or 422 naming the field, and nothing is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler } from '../../functions/handlers/register-personal-data';
import { MAX_RECORD_VALUE_CHARS } from '../../functions/http/contract';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const register = (body: unknown, signed = true) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/personal-data',
    body,
    ...(signed ? { principal: systemPrincipal() } : {}),
  });

const subject = () => `subject-${randomUUID()}`;
const recordsOf = async (subjectId: string) =>
  (await scanAll<StoredPersonalDataRecord>('personal-data')).filter((r) => r.subjectId === subjectId);
const recent = () => new Date(Date.now() - 86_400_000).toISOString();

const phone = (fields: Record<string, unknown> = {}) => ({
  category: 'phone',
  value: '03-1234-5678',
  source: 'from-customer',
  sourceDetail: 'Call centre',
  purposes: ['service-provision'],
  acquiredAt: recent(),
  ...fields,
});

describe('register-personal-data', () => {
  it('201: registers the records with registrant, lookup key and expiry', async () => {
    const s = subject();
    const acquiredAt = recent();
    const result = await register({
      subjectId: s,
      records: [
        phone({ recordId: 'crm-phone-1' }),
        {
          category: 'email',
          value: 'Hanako@Example.jp',
          source: 'from-customer',
          purposes: ['registration-screening'],
          acquiredAt,
        },
      ],
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const screeningEnds = new Date(Date.parse(acquiredAt) + 180 * 86_400_000);
    expect(result.json).toEqual({
      subjectId: s,
      records: [
        { recordId: 'crm-phone-1', category: 'phone' },
        {
          recordId: expect.stringMatching(/^rec-\d{8}T\d{9}Z-[0-9a-f-]{36}$/),
          category: 'email',
          expiresAt: new Date(Math.ceil(screeningEnds.getTime() / 1000) * 1000).toISOString(),
        },
      ],
    });
    const stored = await recordsOf(s);
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.category === 'phone')).toEqual({
      ...phone(),
      acquiredAt: expect.any(String),
      subjectId: s,
      recordId: 'crm-phone-1',
      registeredBy: systemPrincipal(),
      lookupKey: `subject#${s}`,
    });
    expect(stored.find((r) => r.category === 'email')).toMatchObject({
      lookupKey: 'email#hanako@example.jp',
      expiresAt: Math.ceil(screeningEnds.getTime() / 1000),
    });
  });

  it('registering a given id again never replaces the record: another value is 409 (test/handlers/no-resurrection.test.ts)', async () => {
    const s = subject();
    expect((await register({ subjectId: s, records: [phone({ recordId: 'crm-1' })] })).status).toBe(201);
    expectProblem(
      await register({ subjectId: s, records: [phone({ recordId: 'crm-1', value: '03-9999-0000' })] }),
      409,
    );
    const stored = await recordsOf(s);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.value).toBe('03-1234-5678');
  });

  describe('422, naming the field, nothing written', () => {
    it('an unknown purpose', async () => {
      const s = subject();
      const result = await register({
        subjectId: s,
        records: [phone(), phone({ purposes: ['service-provision', 'foo'] })],
      });
      expectProblem(result, 422);
      expect(result.json.detail).toContain('records[1].purposes: "foo" is not a registered purpose of use');
      expect(await recordsOf(s)).toEqual([]);
    });

    it('a retired purpose', async () => {
      const s = subject();
      const advertising = POLICY_PURPOSES.find((p) => p.purposeId === 'advertising')!;
      await putItem('purposes', {
        ...advertising,
        version: 2,
        status: 'retired',
        retiredAt: '2026-10-01T00:00:00.000Z',
        effectiveFrom: '2026-10-01T00:00:00.000Z',
        publishedBy: 'officer',
        change: { kind: 'retired', note: 'The advertising business ended' },
      });
      const result = await register({ subjectId: s, records: [phone({ purposes: ['advertising'] })] });
      expectProblem(result, 422);
      expect(result.json.detail).toContain(
        'records[0].purposes: "advertising" was retired on 2026-10-01 and can no longer be used',
      );
      expect(await recordsOf(s)).toEqual([]);
    });

    it('an acquiredAt in the future, which would push its expiry out', async () => {
      const s = subject();
      const result = await register({
        subjectId: s,
        records: [phone(), phone({ acquiredAt: '2099-01-01T00:00:00.000Z' })],
      });
      expectProblem(result, 422);
      expect(result.json.detail).toContain('records[1].acquiredAt: 2099-01-01T00:00:00.000Z is in the future');
      expect(await recordsOf(s)).toEqual([]);
    });

    it('special care-required information without a basis', async () => {
      const s = subject();
      const result = await register({
        subjectId: s,
        records: [phone(), phone({ category: 'medical-history', value: 'Asthma' })],
      });
      expectProblem(result, 422);
      expect(result.json.detail).toContain('records[1].basis: "medical-history"');
      expect(result.json.detail).toContain('APPI Art. 20(2)');
      expect(result.json.detail).not.toContain('Asthma');
      expect(await recordsOf(s)).toEqual([]);
    });

    it("a consent that is not on file, or is another subject's", async () => {
      const s = subject();
      await putItem('consents', {
        subjectId: 'someone-else',
        eventId: 'c-1',
        action: 'given',
        noticeVersion: '2024-04-01',
        method: 'signed-form',
        at: recent(),
      });
      const result = await register({
        subjectId: s,
        records: [
          phone({ category: 'disability', value: 'Wheelchair user', basis: { kind: 'consent', consentId: 'c-1' } }),
        ],
      });
      expectProblem(result, 422);
      expect(result.json.detail).toContain(
        'records[0].basis.consentId: "c-1" is not a consent of this subject on file',
      );
      expect(await recordsOf(s)).toEqual([]);
    });
  });

  it('201 for special care-required information with a consent on file, or a legal exception', async () => {
    const s = subject();
    await putItem('consents', {
      subjectId: s,
      eventId: 'c-1',
      action: 'given',
      noticeVersion: '2024-04-01',
      method: 'signed-form',
      at: recent(),
    });
    const exception = {
      kind: 'legal-exception',
      exception: 'required-by-law',
      justification: 'Industrial Safety and Health Act Art. 66 health check',
    };
    const result = await register({
      subjectId: s,
      records: [
        phone({ category: 'disability', value: 'Wheelchair user', basis: { kind: 'consent', consentId: 'c-1' } }),
        phone({ category: 'health-check-result', value: 'Fit for work', basis: exception }),
      ],
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect((await recordsOf(s)).map((r) => r.basis)).toEqual(
      expect.arrayContaining([{ kind: 'consent', consentId: 'c-1' }, exception]),
    );
  });

  describe('400, naming the field, nothing written', () => {
    it.each([
      ['an unknown category', { category: 'shoe-size' }, 'body.records.0.category'],
      ['an unknown source', { source: 'rumour' }, 'body.records.0.source'],
      ['an oversized value', { value: 'x'.repeat(MAX_RECORD_VALUE_CHARS + 1) }, 'body.records.0.value'],
    ])('%s', async (_case, fields, field) => {
      const s = subject();
      const result = await register({ subjectId: s, records: [phone(fields)] });
      expectProblem(result, 400);
      expect(result.json.errors).toEqual([expect.objectContaining({ field })]);
      expect(result.json.detail).toContain(field);
      expect(await recordsOf(s)).toEqual([]);
    });

    it('more than 25 records', async () => {
      const result = await register({ subjectId: subject(), records: Array.from({ length: 26 }, () => phone()) });
      expectProblem(result, 400);
      expect(result.json.errors[0].field).toBe('body.records');
    });
  });

  it('401 without a signing principal', async () => {
    const s = subject();
    const result = await register({ subjectId: s, records: [phone()] }, false);
    expectProblem(result, 401);
    expect(await recordsOf(s)).toEqual([]);
  });
});
