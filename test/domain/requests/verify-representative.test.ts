// Recording how a representative was verified: the document kinds fit the representative's kind, the
// record is written once, access-logged first, and only on an open request.
import { describe, expect, it } from 'vitest';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import {
  AUTHORITY_DOCUMENTS,
  IDENTITY_DOCUMENT_IDS,
  type RepresentativeVerificationInput,
  verifyRepresentative,
} from '../../../functions/domain/requests/verify-representative';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
} from '../doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const AGENT = { kind: 'agent' as const, name: '代理 太郎', email: 'agent@example.jp' };
const GUARDIAN = { kind: 'legal-representative' as const, name: '山田 一郎', email: 'ichiro@example.jp' };

function setup(request: DeskRequest) {
  const requests = new ArrayRequestReader([request]);
  return {
    requests,
    accessLog: new RecordingAccessLog(),
    writer: new ApplyingWriter(requests),
    clock: new FixedClock(NOW),
  };
}

const input: RepresentativeVerificationInput = {
  authorityDocument: 'power-of-attorney',
  identityDocument: 'driving-licence',
};

describe('authority and identity documents (APPI Art. 37(3), Cabinet Order Art. 13)', () => {
  it('names documents for both kinds of representative the Order allows, and none for the person', () => {
    const kinds = new Set(Object.values(AUTHORITY_DOCUMENTS).flatMap((d) => d.for));
    expect([...kinds].sort()).toEqual(['agent', 'legal-representative']);
    expect(AUTHORITY_DOCUMENTS['family-register-certificate'].for).toEqual(['legal-representative']);
    expect(AUTHORITY_DOCUMENTS['guardianship-registration-certificate'].for).toEqual(['legal-representative']);
    expect(AUTHORITY_DOCUMENTS['power-of-attorney'].for).toEqual(['agent']);
    expect(IDENTITY_DOCUMENT_IDS).toContain('individual-number-card');
  });
});

describe('verifyRepresentative', () => {
  it('records the document kinds, who checked and when, logs the write first, and adds a history step', async () => {
    const deps = setup(receivedRequest({ requester: AGENT }));
    const result = await verifyRepresentative(deps, OPERATOR, 'req-1', {
      ...input,
      checkedAt: '2026-11-12T04:00:00+09:00',
    });
    const recorded = {
      authorityDocument: 'power-of-attorney',
      identityDocument: 'driving-licence',
      checkedBy: OPERATOR.staffId,
      checkedAt: '2026-11-11T19:00:00.000Z',
    };
    expect(result).toEqual({ requestId: 'req-1', representativeVerification: recorded });
    const stored = deps.requests.items[0]!;
    expect(stored.representativeVerification).toEqual(recorded);
    expect(stored.history.at(-1)).toEqual({ at: NOW, event: 'representative-verified', by: OPERATOR.staffId });
    expect(stored.version).toBe(3);
    expect(deps.accessLog.entries).toEqual([
      expect.objectContaining({ action: 'write', fields: ['representativeVerification'], reason: 'disclosure req-1' }),
    ]);
  });

  it('defaults the check time to now', async () => {
    const deps = setup(receivedRequest({ requester: GUARDIAN }));
    const result = await verifyRepresentative(deps, OPERATOR, 'req-1', {
      authorityDocument: 'family-register-certificate',
      identityDocument: 'passport',
    });
    expect(result.representativeVerification.checkedAt).toBe(NOW);
  });

  it("takes a check time a little ahead of the desk's clock (a staff clock running fast), and names body.checkedAt beyond it", async () => {
    const ahead = await verifyRepresentative(setup(receivedRequest({ requester: AGENT })), OPERATOR, 'req-1', {
      ...input,
      checkedAt: '2026-11-12T05:32:00.000Z',
    });
    expect(ahead.representativeVerification.checkedAt).toBe('2026-11-12T05:32:00.000Z');
    const problem = await problemOf(
      verifyRepresentative(setup(receivedRequest({ requester: AGENT })), OPERATOR, 'req-1', {
        ...input,
        checkedAt: '2026-11-12T05:35:00.001Z',
      }),
    );
    expect(problem.errors).toEqual([{ field: 'body.checkedAt', message: expect.stringContaining('is in the future') }]);
  });

  const refusals: Array<[string, DeskRequest, RepresentativeVerificationInput, string, string]> = [
    ['the person asked themselves', receivedRequest(), input, 'unprocessable', 'No representative'],
    [
      'a guardian shown by a power of attorney',
      receivedRequest({ requester: GUARDIAN }),
      input,
      'unprocessable',
      'Document does not show this authority',
    ],
    [
      'an agent shown by a family register',
      receivedRequest({ requester: AGENT }),
      { ...input, authorityDocument: 'family-register-certificate' },
      'unprocessable',
      'Document does not show this authority',
    ],
    [
      'a check dated in the future',
      receivedRequest({ requester: AGENT }),
      { ...input, checkedAt: '2026-11-13T00:00:00Z' },
      'unprocessable',
      'Check in the future',
    ],
    ['a closed request', receivedRequest({ requester: AGENT, status: 'refused' }), input, 'conflict', 'Request closed'],
    [
      'a request already verified',
      receivedRequest({
        requester: AGENT,
        representativeVerification: {
          authorityDocument: 'power-of-attorney',
          identityDocument: 'passport',
          checkedBy: 'op-2',
          checkedAt: NOW,
        },
      }),
      input,
      'conflict',
      'Already verified',
    ],
  ];
  it.each(refusals)('refuses %s and writes nothing', async (_case, request, given, kind, title) => {
    const deps = setup(request);
    expect(await problemOf(verifyRepresentative(deps, OPERATOR, 'req-1', given))).toMatchObject({ kind, title });
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('names the documents that would fit when the one given does not', async () => {
    const deps = setup(receivedRequest({ requester: GUARDIAN }));
    const problem = await problemOf(verifyRepresentative(deps, OPERATOR, 'req-1', input));
    expect(problem.detail).toContain(
      'family-register-certificate, guardianship-registration-certificate, family-court-appointment',
    );
  });
});
