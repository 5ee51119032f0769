// Erasure on request end to end, over HTTP against the local runtime: a system registers a person's
// data, the person asks for erasure, an operator decides it. Use stops with the decision; the local
// stream poller then runs the erase-on-request worker on the subjects stream, the personal-data stream
// certifies each deleted record and takes the lifecycle with the last one, and the person is told.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  certifiesSubject,
  type ErasureCertificate,
  subjectEvidenceId,
} from '../../functions/domain/erasure/certificate';
import { deskClient, useLocalDesk } from '../support/e2e';
import { getItem, scanAll, waitFor } from '../support/requests';

const desk = useLocalDesk();
const subjectId = `subject-e2e-${randomUUID().slice(0, 8)}`;
const email = `${subjectId}@example.jp`;
const { call, emailAbout, signIn, submitAndVerify } = deskClient(desk);

const useCheck = () =>
  call('POST', '/v1/system/use-checks', {
    body: { subjectId, category: 'phone', purpose: 'service-provision' },
    as: 'business-systems',
  });

describe('a cessation-of-use request decided as erase', () => {
  it('stops the use at once, erases every record with a certificate, and tells the person', async () => {
    const acquiredAt = new Date(Date.now() - 60_000).toISOString();
    const registered = await call('POST', '/v1/system/personal-data', {
      as: 'business-systems',
      body: {
        subjectId,
        records: [
          {
            recordId: 'crm-email',
            category: 'email',
            value: email,
            source: 'from-customer',
            purposes: ['service-provision'],
            acquiredAt,
          },
          {
            recordId: 'crm-phone',
            category: 'phone',
            value: '090-1234-5678',
            source: 'from-customer',
            purposes: ['service-provision'],
            acquiredAt,
          },
        ],
      },
    });
    expect(registered.status, JSON.stringify(registered.json)).toBe(201);
    expect((await useCheck()).json).toMatchObject({ allowed: true });

    const { requestId } = await submitAndVerify({
      type: 'cessation-of-use',
      requester: { kind: 'self', name: 'Hanako Yamada', email },
      subject: { email },
      details: { grounds: ['no-longer-needed'], measure: 'erase', explanation: 'I closed my account.' },
      language: 'en',
    });

    const decided = await call('POST', `/v1/staff/requests/${requestId}/decision`, {
      token: await signIn('operator'),
      body: { outcome: 'fulfilled', details: { measure: 'erase' } },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    // Denied from the decision on: for the flag, or because the records are already gone.
    expect((await useCheck()).json).toMatchObject({ allowed: false });

    const certificate = await waitFor(
      async () =>
        (await scanAll<ErasureCertificate>('evidence')).find(
          (e) => e.evidenceId === subjectEvidenceId(requestId, subjectId),
        ),
      'the erasure certificate of the request',
    );
    expect(certificate).toMatchObject({
      scope: 'subject',
      reason: 'request',
      requestId,
      count: 2,
      categories: ['email', 'phone'],
      verification: { remains: false },
    });
    expect(certifiesSubject(certificate, subjectId)).toBe(true);
    expect((await useCheck()).json).toMatchObject({ allowed: false, reason: 'no-record' });
    // The personal-data stream certifies each deleted record and removes the lifecycle once none is left.
    const itemCertificates = await waitFor(async () => {
      const found = (await scanAll<ErasureCertificate>('evidence')).filter(
        (e) => e.kind === 'erasure-certificate' && e.scope === 'item' && certifiesSubject(e, subjectId),
      );
      return found.length === 2 ? found : undefined;
    }, 'a certificate for each deleted record');
    expect(itemCertificates.map((c) => c.reason)).toEqual(['request', 'request']);
    await waitFor(
      async () => ((await getItem('subjects', { subjectId })) ? undefined : true),
      'the lifecycle removed by the cascade',
    );

    const result = await emailAbout(requestId, /erased your personal data/);
    expect(result.body.text).toContain('which holds none of your personal data');
  });
});
