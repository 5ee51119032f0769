// POST /v1/system/my-number against DynamoDB Local: payroll registers an Individual Number for a
// statutory document; it is kept until the document's retention ends. The number never comes back
// in an answer, a refusal or a log line, and a refused registration writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myNumberDocument } from '../../functions/domain/my-number/documents';
import type { StoredMyNumber } from '../../functions/domain/my-number/ports';
import { freshTables } from '../support/desk';
import { dropTables, expectProblem, scanAll } from '../support/requests';
import { captureLogs, NUMBER, OTHER_NUMBER, PAYROLL, register, registered, registration } from './my-number-fixtures';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const logs = captureLogs();
const newSubject = () => `employee-${randomUUID().slice(0, 8)}`;
const heldFor = async (subjectId: string) =>
  (await scanAll<StoredMyNumber>('my-number')).filter((i) => i.subjectId === subjectId);

/** The number appears nowhere in what the caller or the logs get to see. */
function expectNoNumber(result: { headers: Record<string, unknown>; json: unknown }, number = NUMBER) {
  expect(JSON.stringify(result.json)).not.toContain(number);
  expect(JSON.stringify(result.headers)).not.toContain(number);
  expect(logs.text).toContain('"route":"register-my-number"');
  expect(logs.text).not.toContain(number);
}

describe('register-my-number', () => {
  it("201: stores the number with its document, who registered it and the document's retention as TTL; answers without the number", async () => {
    const subjectId = newSubject();
    const body = registration(subjectId);
    const result = await register(body);
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const retainUntil = myNumberDocument('dependant-deduction-declaration')!.retainUntil(
      body as { documentDate: string; taxYear: number },
    );
    expect(result.json).toEqual({
      subjectId,
      documentId: `dependant-deduction-declaration#${body.documentDate}`,
      retainUntil: retainUntil.toISOString(),
    });
    expectNoNumber(result);
    const [item, ...more] = await heldFor(subjectId);
    expect(more).toEqual([]);
    expect(item).toEqual({
      subjectId,
      documentId: `dependant-deduction-declaration#${body.documentDate}`,
      affair: 'tax',
      document: 'dependant-deduction-declaration',
      documentDate: body.documentDate,
      taxYear: body.taxYear,
      number: NUMBER,
      registeredBy: PAYROLL,
      registeredAt: expect.any(String),
      expiresAt: retainUntil.getTime() / 1000,
    });
    expect(Date.now() - Date.parse(item!.registeredAt)).toBeLessThan(60_000);
  });

  it('registering the same document again replaces its number; a social-insurance document is kept by its own rule', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    await registered(registration(subjectId, { number: OTHER_NUMBER, basis: 'statutory-affair' }));
    expect((await heldFor(subjectId)).map((i) => i.number)).toEqual([OTHER_NUMBER]);
    const documentDate = new Date().toISOString().slice(0, 10);
    const answer = await registered(
      registration(subjectId, { affair: 'social-insurance', document: 'health-insurance-qualification', documentDate }),
    );
    expect(answer.retainUntil).toBe(
      myNumberDocument('health-insurance-qualification')!.retainUntil({ documentDate }).toISOString(),
    );
    expect(await heldFor(subjectId)).toHaveLength(2);
  });

  it('422 for a document of another affair, naming the field; no number in the answer or the logs; nothing stored', async () => {
    const subjectId = newSubject();
    const result = await register(
      registration(subjectId, { affair: 'tax', document: 'health-insurance-qualification' }),
    );
    expectProblem(result, 422);
    expect(result.json.detail).toContain('"document"');
    expect(result.json.detail).toContain('social-insurance');
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it("422 when the document's retention has already ended (My Number Act Art. 20); nothing stored", async () => {
    const subjectId = newSubject();
    const result = await register(
      registration(subjectId, {
        affair: 'social-insurance',
        document: 'health-insurance-qualification',
        documentDate: '2020-04-01',
      }),
    );
    expectProblem(result, 422);
    expect(result.json.detail).toContain('"documentDate"');
    expect(result.json.detail).toContain('Art. 20');
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('400 for a number with a wrong check digit, naming the field but not the number', async () => {
    const subjectId = newSubject();
    const wrong = '123456789010';
    const result = await register(registration(subjectId, { number: wrong }));
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.number', message: expect.stringContaining('check digit') }]);
    expectNoNumber(result, wrong);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('400 for consent as the basis, saying why (My Number Act Art. 19); nothing stored', async () => {
    const subjectId = newSubject();
    const result = await register(registration(subjectId, { basis: 'consent' }));
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      { field: 'body.basis', message: expect.stringMatching(/consent is never a basis.*Art\. 19/) },
    ]);
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('400 for an affair that is not statutory, naming the field; nothing stored', async () => {
    const subjectId = newSubject();
    const result = await register(registration(subjectId, { affair: 'marketing' }));
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      {
        field: 'body.affair',
        message:
          'is not a statutory affair: My Number is accepted only for tax and social-insurance (My Number Act Art. 9)',
      },
    ]);
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('422 for an unknown document, naming the field, without the number; nothing stored', async () => {
    const subjectId = newSubject();
    const result = await register(registration(subjectId, { document: 'payslip' }));
    expectProblem(result, 422);
    expect(result.json.detail).toContain('Field "document": "payslip"');
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('422 for a declaration without its tax year, or for a tax year in the future, naming the field; nothing stored', async () => {
    const subjectId = newSubject();
    const thisYear = new Date().getUTCFullYear();
    const missing = await register(registration(subjectId, { taxYear: undefined }));
    expectProblem(missing, 422);
    expect(missing.json.detail).toContain('Field "taxYear"');
    expect(missing.json.detail).toContain('Art. 76-3');
    const future = await register(registration(subjectId, { taxYear: thisYear + 2 }));
    expectProblem(future, 422);
    expect(future.json.detail).toContain(`Field "taxYear": ${thisYear + 2} is in the future`);
    // An insurance notification is counted from its completion: a tax year there is refused too.
    const insurance = await register(
      registration(subjectId, {
        affair: 'social-insurance',
        document: 'health-insurance-qualification',
        taxYear: thisYear,
      }),
    );
    expectProblem(insurance, 422);
    expect(insurance.json.detail).toContain('Field "taxYear"');
    for (const result of [missing, future, insurance]) expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  it('a declaration filed in December for next year is kept from next year: its tax year, not its date, counts', async () => {
    const subjectId = newSubject();
    const thisYear = new Date().getUTCFullYear();
    const answer = await registered(
      registration(subjectId, { documentDate: `${thisYear - 1}-12-10`, taxYear: thisYear }),
    );
    // Kept seven years from 11 January of the year after the tax year: through 10 January, tax year + 8.
    expect(answer.retainUntil).toBe(new Date(`${thisYear + 8}-01-11T00:00:00+09:00`).toISOString());
  });

  it('400 for a number sent as a JSON number, an impossible date or a tax year that is not a year, without echoing the number', async () => {
    const subjectId = newSubject();
    const result = await register(
      registration(subjectId, { number: Number(NUMBER), documentDate: '2026-02-30', taxYear: 2026.5 }),
    );
    expectProblem(result, 400);
    expect(result.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.documentDate',
      'body.number',
      'body.taxYear',
    ]);
    expectNoNumber(result);
    expect(await heldFor(subjectId)).toEqual([]);
  });

  // V8's parse message quotes the body around the error; the desk keeps only the position.
  it('400 for malformed JSON quotes no digits of the number', async () => {
    const raw = `{"subjectId":"${newSubject()}","number":x${NUMBER}}`;
    const result = await register(raw);
    expectProblem(result, 400);
    expect(result.json.detail).not.toMatch(/\d{6}/);
  });

  it('401 for an unsigned call; nothing stored', async () => {
    const subjectId = newSubject();
    const result = await register(registration(subjectId), null);
    expectProblem(result, 401);
    expect(await heldFor(subjectId)).toEqual([]);
  });
});
