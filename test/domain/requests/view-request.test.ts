// GET /v1/staff/requests/{id} as a use case: reading a requester's details is access-logged first,
// and the secrets' hashes are never shown.
import { describe, expect, it } from 'vitest';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { viewRequest } from '../../../functions/domain/requests/view-request';
import { ArrayRequestReader, FixedClock, OPERATOR, RecordingAccessLog, receivedRequest } from '../doubles';
import { MemoryTaskTracker } from '../fulfilment/tracking-doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from '../provisions/doubles';

const NOW = '2026-11-12T02:00:00.000Z';

/** The byLookupKey index as a map: lookup key → the subjects holding it. */
function finder(held: Record<string, string[]> = {}, calls: string[] = []) {
  return {
    async subjectIdsByLookupKey(lookupKey: string) {
      calls.push(lookupKey);
      return held[lookupKey] ?? [];
    },
  };
}

describe('viewRequest', () => {
  it('logs the read, then shows the request without token hash, version or expiry', async () => {
    const accessLog = new RecordingAccessLog();
    const deps = {
      requests: new ArrayRequestReader([receivedRequest()]),
      accessLog,
      clock: new FixedClock(NOW),
      subjects: finder(),
      recipients: new MemoryRecipients(),
      tasks: new MemoryTaskTracker(),
    };
    const view = await viewRequest(deps, OPERATOR, 'req-1');
    expect(accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['request:req-1'],
        fields: [
          'requester',
          'subject',
          'details',
          'notes',
          'representativeVerification',
          'delivery',
          'answerAddressHeldForCustomer',
        ],
        reason: 'disclosure req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
    expect(view.requester.email).toBe('hanako.yamada@example.jp');
    for (const hidden of ['statusTokenHash', 'verification', 'version', 'expiresAt'])
      expect(view).not.toHaveProperty(hidden);
  });

  it("shows a disclosure's delivery without the stored copy's token hash", async () => {
    const delivery = {
      method: 'paper' as const,
      dossierTokenHash: 'a'.repeat(64),
      postedOn: '2026-11-12',
      postedBy: 'op-1',
    };
    const deps = {
      requests: new ArrayRequestReader([receivedRequest({ status: 'fulfilled', delivery })]),
      accessLog: new RecordingAccessLog(),
      clock: new FixedClock(NOW),
      subjects: finder(),
      recipients: new MemoryRecipients(),
      tasks: new MemoryTaskTracker(),
    };
    const view = await viewRequest(deps, OPERATOR, 'req-1');
    expect(view.delivery).toEqual({ method: 'paper', postedOn: '2026-11-12', postedBy: 'op-1' });
  });

  it("an open request carries its type's decision options; a closed one none", async () => {
    const open = await viewRequest(
      {
        requests: new ArrayRequestReader([receivedRequest({ status: 'in-progress' })]),
        accessLog: new RecordingAccessLog(),
        clock: new FixedClock(NOW),
        subjects: finder(),
        recipients: new MemoryRecipients(),
        tasks: new MemoryTaskTracker(),
      },
      OPERATOR,
      'req-1',
    );
    expect(open.decisionOptions?.refusalGrounds.map((g) => g.ground)).toEqual([
      'harm-to-person-or-third-party',
      'hindrance-to-business',
      'violation-of-law',
    ]);
    const closed = await viewRequest(
      {
        requests: new ArrayRequestReader([receivedRequest({ status: 'refused' })]),
        accessLog: new RecordingAccessLog(),
        clock: new FixedClock(NOW),
        subjects: finder(),
        recipients: new MemoryRecipients(),
        tasks: new MemoryTaskTracker(),
      },
      OPERATOR,
      'req-1',
    );
    expect(closed).not.toHaveProperty('decisionOptions');
  });

  it('an open cessation of provision offers the registered third parties by name; other types read no registry', async () => {
    const recipients = new MemoryRecipients([JP_THIRD_PARTY]);
    let lists = 0;
    const counted = {
      ...recipients,
      get: recipients.get.bind(recipients),
      add: recipients.add.bind(recipients),
      list: async () => {
        lists += 1;
        return recipients.list();
      },
    };
    const deps = (type: string) => ({
      requests: new ArrayRequestReader([receivedRequest({ type, details: { grounds: ['no-longer-needed'] } })]),
      accessLog: new RecordingAccessLog(),
      clock: new FixedClock(NOW),
      subjects: finder(),
      recipients: counted,
      tasks: new MemoryTaskTracker(),
    });
    const view = await viewRequest(deps('cessation-of-provision'), OPERATOR, 'req-1');
    expect(JSON.stringify(view.decisionOptions?.details.fulfilled)).toContain(
      '{"const":"partner-insurance","title":"Partner Insurance K.K. (JP)"}',
    );
    expect(lists).toBe(1);
    await viewRequest(deps('disclosure'), OPERATOR, 'req-1');
    expect(lists).toBe(1);
  });

  it('says whether the answers go to an address the desk holds for the customer', async () => {
    const held = {
      'email#hanako.yamada@example.jp': ['s-hanako'],
      'email#hanako.work@example.jp': ['s-hanako'],
      'email#jiro@example.jp': ['s-jiro'],
    };
    const flag = async (request: Parameters<typeof receivedRequest>[0]) =>
      (
        await viewRequest(
          {
            requests: new ArrayRequestReader([receivedRequest(request)]),
            accessLog: new RecordingAccessLog(),
            clock: new FixedClock(NOW),
            subjects: finder(held),
            recipients: new MemoryRecipients(),
            tasks: new MemoryTaskTracker(),
          },
          OPERATOR,
          'req-1',
        )
      ).answerAddressHeldForCustomer;
    // The person themselves, at the address they are held under, in whatever case.
    expect(await flag({})).toBe(true);
    expect(
      await flag({
        subject: { email: 'Hanako.Yamada@Example.JP' },
        requester: { kind: 'self', name: '山田 花子', email: 'hanako.yamada@example.jp' },
      }),
    ).toBe(true);
    // Nothing held under the subject's address.
    expect(
      await flag({
        subject: { email: 'nobody@example.jp' },
        requester: { kind: 'self', name: '某', email: 'nobody@example.jp' },
      }),
    ).toBe(false);
    // A representative at their own address; at another address of the customer; at someone else's.
    expect(await flag({ requester: { kind: 'agent', name: '代理 太郎', email: 'agent@example.jp' } })).toBe(false);
    expect(
      await flag({ requester: { kind: 'legal-representative', name: '山田 一郎', email: 'Hanako.Work@example.jp' } }),
    ).toBe(true);
    expect(await flag({ requester: { kind: 'agent', name: '山田 次郎', email: 'jiro@example.jp' } })).toBe(false);
    // A self request stored with a stranger's address is answered at the subject's, which is held.
    expect(await flag({ requester: { kind: 'self', name: '山田 花子', email: 'stranger@example.jp' } })).toBe(true);
  });

  it('logs the read before looking the addresses up', async () => {
    const accessLog = new RecordingAccessLog();
    const calls: string[] = [];
    const subjects = finder({}, calls);
    const original = accessLog.append.bind(accessLog);
    accessLog.append = async (entry) => {
      expect(calls).toEqual([]);
      return original(entry);
    };
    await viewRequest(
      {
        requests: new ArrayRequestReader([receivedRequest()]),
        accessLog,
        clock: new FixedClock(NOW),
        subjects,
        recipients: new MemoryRecipients(),
        tasks: new MemoryTaskTracker(),
      },
      OPERATOR,
      'req-1',
    );
    expect(calls).toEqual(['email#hanako.yamada@example.jp']);
  });

  it('answers not-found, without logging, for an unknown or unconfirmed request', async () => {
    const accessLog = new RecordingAccessLog();
    const deps = {
      requests: new ArrayRequestReader([receivedRequest({ status: 'awaiting-verification' })]),
      accessLog,
      clock: new FixedClock(NOW),
      subjects: finder(),
      recipients: new MemoryRecipients(),
      tasks: new MemoryTaskTracker(),
    };
    for (const id of ['req-1', 'nope']) {
      const error = await viewRequest(deps, OPERATOR, id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskProblem);
      expect(error).toMatchObject({ kind: 'not-found' });
    }
    expect(accessLog.entries).toEqual([]);
  });
});
