// A representative's request against DynamoDB Local: it cannot be decided until staff record how the
// representative's authority and identity were checked; the record holds document kinds, who and
// when, never a document's number; bad records answer problem+json and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/verify-representative';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, uniqueEmail } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  requestBody,
  scanAll,
  staffClaims,
  staffStep,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const agentRequest = (kind: 'agent' | 'legal-representative' | 'self' = 'agent') => ({
  ...requestBody({ subjectEmail: DEMO_CUSTOMER.email }),
  type: 'purpose-notification',
  // The person themselves writes from the address the desk knows them by.
  requester: { kind, name: 'Ichiro Agent', email: kind === 'self' ? DEMO_CUSTOMER.email : uniqueEmail('agent') },
});

const record = (requestId: string, payload: unknown, role = 'operator') =>
  staffStep(handler, requestId, 'representative-verification', payload, staffClaims(role));
const decideFulfilled = (requestId: string) => decide(requestId, { outcome: 'fulfilled' });

describe('verify-representative', () => {
  it("an agent's request: 409 on deciding before the check, 201 recording it, then decided", async () => {
    const { requestId } = await submitAndVerify(agentRequest());
    const early = await decideFulfilled(requestId);
    expectProblem(early, 409);
    expect(early.json.title).toBe('Representative not verified');

    const result = await record(requestId, {
      authorityDocument: 'power-of-attorney-with-seal-certificate',
      identityDocument: 'individual-number-card',
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const verification = {
      authorityDocument: 'power-of-attorney-with-seal-certificate',
      identityDocument: 'individual-number-card',
      checkedBy: 'operator',
      checkedAt: expect.any(String),
    };
    expect(result.json).toEqual({ requestId, representativeVerification: verification });
    expect((await getItem('requests', { requestId }))!.representativeVerification).toEqual(verification);
    const logged = (await scanAll('access-log')).filter((e) => e.reason === `purpose-notification ${requestId}`);
    expect(logged.map((e) => e.fields)).toEqual([['representativeVerification']]);

    expect((await decideFulfilled(requestId)).status).toBe(200);
  });

  it('refuses a second record, a self request, a document that does not fit, a document number, the auditor', async () => {
    const { requestId: guardian } = await submitAndVerify(agentRequest('legal-representative'));
    const { requestId: own } = await submitAndVerify(agentRequest('self'));
    const cases: Array<[string, unknown, number, string, string?]> = [
      [own, { authorityDocument: 'power-of-attorney', identityDocument: 'passport' }, 422, 'No representative'],
      [
        guardian,
        { authorityDocument: 'power-of-attorney', identityDocument: 'passport' },
        422,
        'Document does not show this authority',
      ],
      [
        guardian,
        { authorityDocument: 'family-register-certificate', identityDocument: 'passport', documentNumber: 'TK1234567' },
        400,
        'The request is not valid',
      ],
      [
        guardian,
        { authorityDocument: 'family-register-certificate', identityDocument: 'passport' },
        403,
        'Not allowed for your role',
        'auditor',
      ],
    ];
    for (const [requestId, payload, status, title, role] of cases) {
      const result = await record(requestId, payload, role);
      expectProblem(result, status);
      expect(result.json.title).toBe(title);
    }
    expect((await getItem('requests', { requestId: guardian }))!.representativeVerification).toBeUndefined();

    expect(
      (
        await record(guardian, {
          authorityDocument: 'guardianship-registration-certificate',
          identityDocument: 'residence-card',
        })
      ).status,
    ).toBe(201);
    const again = await record(guardian, {
      authorityDocument: 'family-register-certificate',
      identityDocument: 'passport',
    });
    expectProblem(again, 409);
    expect((await getItem('requests', { requestId: guardian }))!.representativeVerification.authorityDocument).toBe(
      'guardianship-registration-certificate',
    );
  });
});
