// The my-number table against DynamoDB Local: one item per subject and document, replaced when the
// document is registered again, and never read past its expiresAt.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoMyNumberReader, dynamoMyNumberWriter } from '../../functions/adapters/my-number-repository';
import type { StoredMyNumber } from '../../functions/domain/my-number/ports';
import { freshTables } from '../support/desk';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const DAY = 24 * 60 * 60;

const item = (
  subjectId: string,
  document: StoredMyNumber['document'],
  documentDate: string,
  fields: Partial<StoredMyNumber> = {},
): StoredMyNumber => ({
  subjectId,
  documentId: `${document}#${documentDate}`,
  affair: document === 'dependant-deduction-declaration' ? 'tax' : 'social-insurance',
  document,
  documentDate,
  number: '123456789018',
  registeredBy: 'arn:aws:iam::000000000000:role/appi-desk-payroll',
  registeredAt: new Date().toISOString(),
  expiresAt: inSeconds(365 * DAY),
  ...fields,
});

describe('my-number-repository', () => {
  it("stores every attribute and reads a subject's documents back in documentId order", async () => {
    const subjectId = `employee-${randomUUID().slice(0, 8)}`;
    const documents = [
      item(subjectId, 'health-insurance-qualification', '2026-04-01'),
      item(subjectId, 'dependant-deduction-declaration', '2026-01-05'),
      item(subjectId, 'employment-insurance-qualification', '2026-04-01', { number: '987654321093' }),
    ];
    for (const d of documents) await dynamoMyNumberWriter.put(d);
    await dynamoMyNumberWriter.put(item(`other-${subjectId}`, 'dependant-deduction-declaration', '2026-01-05'));
    expect(await dynamoMyNumberReader.liveDocumentsOf(subjectId, new Date())).toEqual(
      [...documents].sort((a, b) => a.documentId.localeCompare(b.documentId)),
    );
  });

  it('registering the same document again replaces its item', async () => {
    const subjectId = `employee-${randomUUID().slice(0, 8)}`;
    await dynamoMyNumberWriter.put(item(subjectId, 'dependant-deduction-declaration', '2026-01-05'));
    await dynamoMyNumberWriter.put(
      item(subjectId, 'dependant-deduction-declaration', '2026-01-05', { number: '987654321093' }),
    );
    expect(
      (await scanAll<StoredMyNumber>('my-number')).filter((i) => i.subjectId === subjectId).map((i) => i.number),
    ).toEqual(['987654321093']);
  });

  it('never returns a document at or past its expiresAt, though its item is still there', async () => {
    const subjectId = `employee-${randomUUID().slice(0, 8)}`;
    const expiresAt = inSeconds(DAY);
    await dynamoMyNumberWriter.put(item(subjectId, 'health-insurance-qualification', '2024-06-01', { expiresAt }));
    await dynamoMyNumberWriter.put(
      item(subjectId, 'dependant-deduction-declaration', '2026-01-05', { expiresAt: expiresAt + 1 }),
    );
    const at = (seconds: number) => new Date(seconds * 1000);
    expect(await dynamoMyNumberReader.liveDocumentsOf(subjectId, at(expiresAt - 1))).toHaveLength(2);
    expect((await dynamoMyNumberReader.liveDocumentsOf(subjectId, at(expiresAt))).map((d) => d.documentId)).toEqual([
      'dependant-deduction-declaration#2026-01-05',
    ]);
    expect(await dynamoMyNumberReader.liveDocumentsOf(subjectId, at(expiresAt + 1))).toEqual([]);
  });

  it('a subject with nothing held: an empty list', async () => {
    expect(await dynamoMyNumberReader.liveDocumentsOf(`nobody-${randomUUID()}`, new Date())).toEqual([]);
  });
});
