// POST /v1/system/personal-data/batches against DynamoDB Local: a company system registers records of
// many subjects in one call; each entry is registered, refused or suppressed on its own, a body that is
// not a batch is refused whole, a retry is idempotent, and concurrent batches never replace a record.
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretIdentifierMac } from '../../functions/adapters/identifier-mac';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { handler } from '../../functions/handlers/register-personal-data-batch';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, expectProblem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const registerBatch = (body: unknown, signed = true) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/personal-data/batches',
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
  purposes: ['service-provision'],
  acquiredAt: recent(),
  ...fields,
});

describe('register-personal-data-batch', () => {
  it('200: a mixed batch answers each entry in order: registered, refused, suppressed', async () => {
    const [a, b, stopped] = [subject(), subject(), subject()];
    await putItem('suppressions', {
      identifierMac: await secretIdentifierMac.mac(`subject#${stopped}`),
      requestId: 'req-erased',
      measure: 'erase',
      purposes: 'all',
      at: recent(),
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    const result = await registerBatch({
      entries: [
        { subjectId: a, record: phone({ recordId: 'crm-1' }) },
        { subjectId: b, record: phone({ purposes: ['no-such-purpose'] }) },
        { subjectId: stopped, record: phone() },
        { subjectId: b, record: phone({ value: '' }) },
        'not an entry',
        { subjectId: b, record: phone({ category: 'disability', value: 'Wheelchair user' }) },
        { subjectId: b, record: phone({ recordId: 'crm-2' }) },
      ],
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const entries = result.json.entries as Record<string, unknown>[];
    expect(entries.map((e) => e.status)).toEqual([
      'registered',
      'refused',
      'suppressed',
      'refused',
      'refused',
      'refused',
      'registered',
    ]);
    expect(result.json).toMatchObject({ registered: 2, refused: 4, suppressed: 1 });
    expect(entries[0]).toEqual({ status: 'registered', subjectId: a, recordId: 'crm-1', category: 'phone' });
    expect(entries[1]).toMatchObject({ subjectId: b, errors: [{ field: 'body.entries.1.record.purposes' }] });
    expect(entries[2]).toMatchObject({ subjectId: stopped, requestId: 'req-erased' });
    expect((entries[3]!.errors as { field: string }[])[0]!.field).toBe('body.entries.3.record.value');
    expect((entries[4]!.errors as { field: string }[]).length).toBeGreaterThan(0);
    // Special care-required information without a consent or an exception: refused, this entry only.
    expect(entries[5]).toMatchObject({ errors: [{ field: 'body.entries.5.record.basis' }] });
    expect((await recordsOf(a)).map((r) => r.recordId)).toEqual(['crm-1']);
    expect((await recordsOf(b)).map((r) => r.recordId)).toEqual(['crm-2']);
    expect(await recordsOf(stopped)).toEqual([]);
    expect((await recordsOf(a))[0]!.registeredBy).toBe(systemPrincipal());
  });

  it('400 naming the field when the body is not a batch (over 100 entries, no array, none); nothing written', async () => {
    const s = subject();
    const many = Array.from({ length: 101 }, (_, i) => ({ subjectId: s, record: phone({ recordId: `r-${i}` }) }));
    for (const body of [{ entries: many }, { entries: { subjectId: s } }, { entries: [] }, [many[0]]]) {
      const result = await registerBatch(body);
      expectProblem(result, 400);
    }
    const over = await registerBatch({ entries: many });
    expect(JSON.stringify(over.json.errors)).toContain('body.entries');
    expect(await recordsOf(s)).toEqual([]);
  });

  it('401 without a signing principal', async () => {
    expectProblem(await registerBatch({ entries: [{ subjectId: subject(), record: phone() }] }, false), 401);
  });

  it('a retry of the same batch is idempotent: the same answer, nothing written twice; another value is refused', async () => {
    const s = subject();
    const body = {
      entries: [
        { subjectId: s, record: phone({ recordId: 'crm-1' }) },
        { subjectId: s, record: phone({ recordId: 'crm-2', category: 'email', value: 'a@example.jp' }) },
      ],
    };
    const first = await registerBatch(body);
    const again = await registerBatch(body);
    expect(again.json).toEqual(first.json);
    expect(again.json.registered).toBe(2);
    expect(await recordsOf(s)).toHaveLength(2);
    const other = await registerBatch({
      entries: [{ subjectId: s, record: phone({ recordId: 'crm-1', value: '090' }) }],
    });
    expect(other.json.entries[0]).toMatchObject({ status: 'refused', reason: 'Record already registered' });
    expect((await recordsOf(s)).find((r) => r.recordId === 'crm-1')!.value).toBe('03-1234-5678');
  });

  it('the same record twice in one batch: the later entry is refused', async () => {
    const s = subject();
    const result = await registerBatch({
      entries: [
        { subjectId: s, record: phone({ recordId: 'crm-1' }) },
        { subjectId: s, record: phone({ recordId: 'crm-1', value: '090' }) },
      ],
    });
    expect(result.json.entries.map((e: { status: string }) => e.status)).toEqual(['registered', 'refused']);
    expect(await recordsOf(s)).toHaveLength(1);
  });

  it('two batches at once naming the same record: one value is stored, never replaced; identical ones both stand', async () => {
    const s = subject();
    const [x, y] = await Promise.all([
      registerBatch({ entries: [{ subjectId: s, record: phone({ recordId: 'crm-1', value: '03-1111-1111' }) }] }),
      registerBatch({ entries: [{ subjectId: s, record: phone({ recordId: 'crm-1', value: '03-2222-2222' }) }] }),
    ]);
    const statuses = [x.json.entries[0].status, y.json.entries[0].status].sort();
    expect(statuses).toEqual(['refused', 'registered']);
    const stored = await recordsOf(s);
    expect(stored).toHaveLength(1);
    const winner = x.json.entries[0].status === 'registered' ? '03-1111-1111' : '03-2222-2222';
    expect(stored[0]!.value).toBe(winner);

    const t = subject();
    const same = { entries: [{ subjectId: t, record: phone({ recordId: 'crm-1' }) }] };
    const both = await Promise.all([registerBatch(same), registerBatch(same)]);
    expect(both.map((r) => r.json.entries[0].status)).toEqual(['registered', 'registered']);
    expect(await recordsOf(t)).toHaveLength(1);
  });

  it('503 with Retry-After when DynamoDB cannot take the write; nothing half-written, and the retry completes', async () => {
    const s = subject();
    const body = {
      entries: Array.from({ length: 30 }, (_, i) => ({
        subjectId: `${s}-${i % 3}`,
        record: phone({ recordId: `r-${i}` }),
      })),
    };
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await registerBatch(body);
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    for (let i = 0; i < 3; i++) expect(await recordsOf(`${s}-${i}`)).toEqual([]);
    const retry = await registerBatch(body);
    expect(retry.json.registered).toBe(30);
  });
});
