// Registering an Individual Number: only for a document of the affair named, kept as long as that
// document must be, never past it, and never echoed in an answer or a refusal.
import { describe, expect, it } from 'vitest';
import { MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD } from '../../../functions/domain/my-number/documents';
import { type MyNumberRegistration, registerMyNumber } from '../../../functions/domain/my-number/register-my-number';
import { FixedClock, jst, problemOf } from '../doubles';
import { ArrayMyNumbers, NUMBER, OTHER_NUMBER, PAYROLL } from './doubles';

/** A declaration for tax year 2026; the tax year goes only with the tax document. */
const registration = (overrides: Partial<MyNumberRegistration> = {}): MyNumberRegistration => {
  const body: MyNumberRegistration = {
    subjectId: 'employee-1',
    affair: 'tax',
    document: 'dependant-deduction-declaration',
    documentDate: '2026-01-05',
    number: NUMBER,
    ...overrides,
  };
  return body.document === 'dependant-deduction-declaration' && !('taxYear' in overrides)
    ? { ...body, taxYear: 2026 }
    : body;
};

const setup = (now = jst(2026, 1, 6, 10)) => {
  const myNumbers = new ArrayMyNumbers();
  return { myNumbers, deps: { myNumbers, clock: new FixedClock(now) } };
};

describe('registerMyNumber', () => {
  it('stores the number under document#date, with who registered it and its retention as expiresAt', async () => {
    const { myNumbers, deps } = setup();
    const answer = await registerMyNumber(deps, PAYROLL, registration());
    expect(answer).toEqual({
      subjectId: 'employee-1',
      documentId: 'dependant-deduction-declaration#2026-01-05',
      retainUntil: jst(2034, 1, 11).toISOString(),
    });
    expect(JSON.stringify(answer)).not.toContain(NUMBER);
    expect(myNumbers.items).toEqual([
      {
        subjectId: 'employee-1',
        documentId: 'dependant-deduction-declaration#2026-01-05',
        affair: 'tax',
        document: 'dependant-deduction-declaration',
        documentDate: '2026-01-05',
        taxYear: 2026,
        number: NUMBER,
        registeredBy: PAYROLL.principal,
        registeredAt: jst(2026, 1, 6, 10).toISOString(),
        expiresAt: jst(2034, 1, 11).getTime() / 1000,
      },
    ]);
  });

  it('replaces the number when the same document is registered again; another date is another document', async () => {
    const { myNumbers, deps } = setup();
    await registerMyNumber(deps, PAYROLL, registration());
    await registerMyNumber(deps, PAYROLL, registration({ number: OTHER_NUMBER }));
    expect(myNumbers.items.map((i) => i.number)).toEqual([OTHER_NUMBER]);
    await registerMyNumber(deps, PAYROLL, registration({ documentDate: '2026-12-20' }));
    expect(myNumbers.items.map((i) => i.documentId).sort()).toEqual([
      'dependant-deduction-declaration#2026-01-05',
      'dependant-deduction-declaration#2026-12-20',
    ]);
  });

  it('takes social-insurance documents for the social-insurance affair', async () => {
    const { myNumbers, deps } = setup();
    const answer = await registerMyNumber(
      deps,
      PAYROLL,
      registration({
        affair: 'social-insurance',
        document: 'employment-insurance-qualification',
        documentDate: '2026-01-05',
      }),
    );
    expect(answer.retainUntil).toBe(jst(2030, 1, 6).toISOString());
    expect(myNumbers.items[0]).toMatchObject({
      affair: 'social-insurance',
      expiresAt: jst(2030, 1, 6).getTime() / 1000,
    });
  });

  it('refuses a document of another affair with 422 naming the field, without the number, and stores nothing', async () => {
    const { myNumbers, deps } = setup();
    const problem = await problemOf(
      registerMyNumber(deps, PAYROLL, registration({ affair: 'tax', document: 'health-insurance-qualification' })),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('"document"');
    expect(problem.detail).toContain('social-insurance');
    expect(`${problem.title} ${problem.detail} ${problem.message}`).not.toContain(NUMBER);
    expect(myNumbers.items).toEqual([]);
  });

  it('refuses a document whose retention has already ended (My Number Act Art. 20), and stores nothing', async () => {
    // A health insurance qualification completed 2024-01-05 may be kept until 2026-01-06 00:00 JST.
    const document = {
      affair: 'social-insurance',
      document: 'health-insurance-qualification',
      documentDate: '2024-01-05',
    } as const;
    const late = setup(jst(2026, 1, 6));
    const problem = await problemOf(registerMyNumber(late.deps, PAYROLL, registration(document)));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('"documentDate"');
    expect(problem.detail).toContain('Art. 20');
    expect(problem.detail).not.toContain(NUMBER);
    expect(late.myNumbers.items).toEqual([]);

    const justInTime = setup(new Date(jst(2026, 1, 6).getTime() - 1000));
    await registerMyNumber(justInTime.deps, PAYROLL, registration(document));
    expect(justInTime.myNumbers.items).toHaveLength(1);
  });

  it('refuses a document dated more than MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD ahead, which would stretch its retention', async () => {
    const { deps, myNumbers } = setup(jst(2026, 1, 6, 10));
    expect(MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD).toBe(366);
    const problem = await problemOf(registerMyNumber(deps, PAYROLL, registration({ documentDate: '2027-01-08' })));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('"documentDate"');
    expect(myNumbers.items).toEqual([]);
    await registerMyNumber(deps, PAYROLL, registration({ documentDate: '2026-12-20' }));
    expect(myNumbers.items).toHaveLength(1);
  });

  it('counts a declaration from its tax year: one filed in December for next year is kept a year longer than its date says', async () => {
    const { deps, myNumbers } = setup(jst(2025, 12, 10, 10));
    const answer = await registerMyNumber(deps, PAYROLL, registration({ documentDate: '2025-12-10', taxYear: 2026 }));
    // Tax year 2026: 10 January 2027, then seven years: kept through 10 January 2034.
    expect(answer.retainUntil).toBe(jst(2034, 1, 11).toISOString());
    expect(myNumbers.items[0]).toMatchObject({ taxYear: 2026, expiresAt: jst(2034, 1, 11).getTime() / 1000 });
  });

  it('refuses a declaration without its tax year, a tax year in the future, and a tax year on an insurance notification, naming taxYear', async () => {
    const { deps, myNumbers } = setup(jst(2026, 1, 6, 10));
    const cases: [Partial<MyNumberRegistration>, string][] = [
      [{ taxYear: undefined }, 'is kept by the tax year it is for'],
      // Next year is the latest: a declaration for it is filed in December.
      [{ taxYear: 2028, documentDate: '2026-12-20' }, '2028 is in the future'],
      // Nor more than a year after the document's own date.
      [{ taxYear: 2027, documentDate: '2025-06-01' }, '2027 is in the future'],
      [
        { affair: 'social-insurance', document: 'employment-insurance-qualification', taxYear: 2026 },
        'is kept from the day its procedure was completed',
      ],
    ];
    for (const [overrides, says] of cases) {
      const problem = await problemOf(registerMyNumber(deps, PAYROLL, registration(overrides)));
      expect(problem.kind, says).toBe('unprocessable');
      expect(problem.detail, says).toContain('Field "taxYear"');
      expect(problem.detail, says).toContain(says);
      expect(problem.detail).not.toContain(NUMBER);
    }
    expect(myNumbers.items).toEqual([]);
  });

  it('refuses a tax year whose retention is over, naming taxYear', async () => {
    const { deps, myNumbers } = setup(jst(2026, 1, 6, 10));
    // Tax year 2017: kept through 10 January 2025.
    const problem = await problemOf(registerMyNumber(deps, PAYROLL, registration({ taxYear: 2017 })));
    expect(problem.detail).toContain('Field "taxYear": a dependant-deduction-declaration for tax year 2017');
    expect(myNumbers.items).toEqual([]);
  });

  it("refuses a document the desk does not know even when called without the route's schema", async () => {
    const { myNumbers, deps } = setup();
    const problem = await problemOf(
      registerMyNumber(deps, PAYROLL, registration({ document: 'payslip' as MyNumberRegistration['document'] })),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.detail).toContain('"document"');
    expect(myNumbers.items).toEqual([]);
  });
});
