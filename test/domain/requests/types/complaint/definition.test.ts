// A complaint (APPI Art. 40) closes with the desk's reply: the only outcome is fulfilled, and the reply
// is what the requester is e-mailed, in their language. No personal data is read to answer it.

import { describe, expect, it } from 'vitest';
import { type DecisionInput, decideRequest } from '../../../../../functions/domain/requests/decide-request';
import { receivedMessage, verificationCodeMessage } from '../../../../../functions/domain/requests/notifications';
import type { DeskRequest } from '../../../../../functions/domain/requests/request';
import { complaint } from '../../../../../functions/domain/requests/types/complaint/definition';
import { COMPLAINT_SUBJECTS } from '../../../../../functions/domain/requests/types/complaint/words';
import { DEMO_DESK } from '../../../../support/company';
import { MapHoldingsReader, OPERATOR, problemOf, receivedRequest } from '../../../doubles';
import { decideDeps } from '../../decide-deps';

const NOW = '2026-11-12T05:30:00.000Z';
const REPLY = 'We have retrained the staff member and corrected the procedure.';

function setup(overrides: Partial<DeskRequest> = {}) {
  const request = receivedRequest({
    type: 'complaint',
    details: { about: 'request-handling', description: 'Nobody answered my disclosure request.' },
    ...overrides,
  });
  return decideDeps(request, NOW, { holdings: new MapHoldingsReader({}) });
}

const decide = (deps: ReturnType<typeof setup>, input: DecisionInput) =>
  decideRequest(deps, OPERATOR, 'req-1', input, 'https://desk.example.jp');

describe('complaint details', () => {
  it('need a description; what it is about defaults to the handling of personal data', () => {
    expect(complaint.details.safeParse({}).success).toBe(false);
    expect(complaint.details.parse({ description: 'x' })).toEqual({
      about: 'handling-of-personal-data',
      description: 'x',
    });
    expect(complaint.details.safeParse({ about: 'weather', description: 'x' }).success).toBe(false);
    expect(COMPLAINT_SUBJECTS).toContain('security');
  });
});

describe('the e-mails before the reply', () => {
  it('name a complaint as made, not as a request: お申出, "your complaint"', () => {
    const request = receivedRequest({ type: 'complaint' });
    expect(receivedMessage(request, complaint.label, DEMO_DESK).subject).toBe(
      '個人情報の取扱いに関する苦情のお申出を受け付けました',
    );
    expect(receivedMessage({ ...request, language: 'en' }, complaint.label, DEMO_DESK).subject).toBe(
      'We have received your complaint',
    );
    expect(verificationCodeMessage(request, '123456', complaint.label, 30, DEMO_DESK).text).toMatch(
      /^個人情報の取扱いに関する苦情のお申出（受付番号 req-1）を承りました/,
    );
  });
});

describe('deciding a complaint', () => {
  it('closes it with the reply, e-mailed in Japanese, stored with the decision, and reads no personal data', async () => {
    const deps = setup();
    const result = await decide(deps, { outcome: 'fulfilled', details: { reply: REPLY } });
    expect(result.status).toBe('fulfilled');
    const [writes] = deps.writer.commits;
    const decided = writes!.find((w) => w.kind === 'request')!;
    expect(decided.kind === 'request' && decided.request.decision).toMatchObject({
      outcome: 'fulfilled',
      details: { reply: REPLY },
    });
    const message = writes!.find((w) => w.kind === 'outbox')!;
    expect(message.kind === 'outbox' && message.message.subject).toBe('苦情のお申出へのご回答');
    expect(message.kind === 'outbox' && message.message.text).toContain(REPLY);
    expect(deps.holdings.asked).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it('replies in English to a complaint made in English', async () => {
    const deps = setup({ language: 'en' });
    await decide(deps, { outcome: 'fulfilled', details: { reply: REPLY } });
    const message = deps.writer.commits[0]!.find((w) => w.kind === 'outbox')!;
    expect(message.kind === 'outbox' && message.message.subject).toBe('Our reply to your complaint');
  });

  const bad: Array<[string, DecisionInput, string]> = [
    ['without a reply', { outcome: 'fulfilled' }, 'Decision details invalid'],
    ['with an empty reply', { outcome: 'fulfilled', details: { reply: ' ' } }, 'Decision details invalid'],
    ['refused', { outcome: 'refused', grounds: ['violation-of-law'], reason: 'no' }, 'Outcome not available'],
    [
      'with grounds of another type',
      { outcome: 'fulfilled', grounds: ['violation-of-law'], details: { reply: REPLY } },
      'Unknown grounds',
    ],
    [
      'with a field the reply does not have',
      { outcome: 'fulfilled', details: { reply: REPLY, cc: 'x' } },
      'Decision details invalid',
    ],
  ];
  it.each(bad)('is refused %s, with nothing written', async (_case, input, title) => {
    const deps = setup();
    expect(await problemOf(decide(deps, input))).toMatchObject({ kind: 'unprocessable', title });
    expect(deps.writer.commits).toEqual([]);
  });

  it('says which detail is missing', async () => {
    const problem = await problemOf(decide(setup(), { outcome: 'fulfilled', details: {} }));
    expect(problem.detail).toContain('details.reply is required');
  });
});
