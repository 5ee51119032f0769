// The access log end to end, over HTTP against the local runtime: an officer's read of a subject
// shows in the auditor's listing, and the log verifies.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../local/seed';
import { deskClient, useLocalDesk } from '../support/e2e';

const desk = useLocalDesk();
const { call, signIn } = deskClient(desk);

describe('the access log over HTTP', () => {
  it("an officer's read of a subject is listed for the auditor, and the log verifies", async () => {
    const officer = await signIn('officer');
    const viewed = await call('GET', `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}?purpose=service-provision`, {
      token: officer,
    });
    expect(viewed.status, viewed.text).toBe(200);

    const auditor = await signIn('auditor');
    const listed = await call('GET', `/v1/staff/access-log?subject=${DEMO_CUSTOMER.subjectId}&actor=officer`, {
      token: auditor,
    });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.items[0]).toMatchObject({
      actor: 'officer',
      role: 'officer',
      action: 'read',
      subjects: [DEMO_CUSTOMER.subjectId],
    });

    const verified = await call('POST', '/v1/staff/access-log/verify', { token: auditor });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.json).toMatchObject({ verified: true, digestsChecked: 0 });
  });

  it('an operator may neither list nor verify the log', async () => {
    const operator = await signIn('operator');
    expect((await call('GET', '/v1/staff/access-log', { token: operator })).status).toBe(403);
    expect((await call('POST', '/v1/staff/access-log/verify', { token: operator })).status).toBe(403);
  });
});
