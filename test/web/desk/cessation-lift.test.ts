// The console's lift of a cessation of provision (web/src/desk/cessation-lift.ts): only officers are
// offered it, only stops that stand are offered, the body is what the API parses, and the confirmation
// and the answer say in words whom provision may resume to.
import { describe, expect, it } from 'vitest';
import { provisionCessationLiftBody } from '../../../functions/http/contract';
import { ROUTES } from '../../../functions/routes';
import {
  canLift,
  emptyLiftForm,
  liftAnswer,
  liftBody,
  liftConfirmation,
  standingCessation,
  stoppedRecipients,
} from '../../../web/src/desk/cessation-lift';

const STOP = { requestId: 'req-1', at: '2026-11-20T01:00:00.000Z' };
const NAMES = [{ recipientId: 'mecara-payments', name: 'Mecara Payments K.K.', country: 'JP' }];

describe('lifting a cessation of provision in the console', () => {
  it('is offered to exactly the roles the API lets lift', () => {
    const route = ROUTES.find((r) => r.name === 'lift-provision-cessation')!;
    const roles = route.auth.kind === 'staff' ? route.auth.roles : [];
    for (const role of ['operator', 'officer', 'auditor'] as const)
      expect(canLift(role), role).toBe((roles as readonly string[]).includes(role));
  });

  it("reads the cessation that stands from the subject's lifecycle, the old flag as a stop to all", () => {
    expect(standingCessation({})).toBeUndefined();
    expect(standingCessation({ cessationOfProvision: { recipients: {} } })).toBeUndefined();
    expect(standingCessation({ cessationOfProvision: STOP })).toEqual({ all: STOP });
    const named = { recipients: { 'mecara-payments': STOP, 'northwind-analytics': STOP } };
    expect(stoppedRecipients(standingCessation({ cessationOfProvision: named }))).toEqual([
      'mecara-payments',
      'northwind-analytics',
    ]);
  });

  it('starts with the named stops when there are some, else with all; sends what the API parses', () => {
    expect(emptyLiftForm({ all: STOP })).toEqual({ scope: 'all', recipientIds: [], reason: '' });
    expect(emptyLiftForm({ recipients: { 'mecara-payments': STOP } })).toEqual({
      scope: 'named',
      recipientIds: [],
      reason: '',
    });
    const named = liftBody({ scope: 'named', recipientIds: ['mecara-payments'], reason: '本人から提供再開の申出' });
    expect(provisionCessationLiftBody.parse(named)).toEqual({
      recipients: { scope: 'named', recipientIds: ['mecara-payments'] },
      reason: '本人から提供再開の申出',
    });
    expect(liftBody({ scope: 'all', recipientIds: ['mecara-payments'], reason: 'x' })).toEqual({
      recipients: { scope: 'all' },
      reason: 'x',
    });
    // Nothing chosen, no reason: sent as it is, so the API's 422 names the fields.
    expect(
      provisionCessationLiftBody
        .safeParse(liftBody({ scope: 'named', recipientIds: [], reason: ' ' }))
        .error?.issues.map((i) => i.path.join('.'))
        .sort(),
    ).toEqual(['reason', 'recipients.recipientIds']);
  });

  it('asks for confirmation naming whom provision may resume to, in Japanese and English', () => {
    const form = { scope: 'named' as const, recipientIds: ['mecara-payments', 'unknown-id'], reason: 'r' };
    expect(liftConfirmation(form, NAMES, 'ja')).toBe(
      '「Mecara Payments K.K.（JP）」「unknown-id」への提供停止を解除しますか。解除すると、同意等に基づく提供を再び行えるようになります。',
    );
    expect(liftConfirmation(form, NAMES, 'en')).toBe(
      'Lift the cessation of provision to Mecara Payments K.K. (JP) and unknown-id? Provision on consent or opt-out may then resume.',
    );
    expect(liftConfirmation({ ...form, scope: 'all' }, NAMES, 'en')).toBe(
      'Lift every cessation of provision of this person (to every third party and to each recipient)? Provision on consent or opt-out may then resume.',
    );
  });

  it('puts the answer in words: what was lifted, when, and what still stands', () => {
    const lifted = {
      lifted: [{ recipient: 'mecara-payments', ...STOP }],
      at: '2026-11-21T03:00:00.000Z',
      cessationOfProvision: { recipients: { 'northwind-analytics': STOP } },
    };
    expect(liftAnswer(lifted, NAMES, 'ja')).toBe(
      '「Mecara Payments K.K.（JP）」への提供停止を解除しました（2026/11/21 12:00:00）。引き続き停止中：「northwind-analytics」。',
    );
    expect(liftAnswer({ ...lifted, cessationOfProvision: null }, NAMES, 'en')).toBe(
      'Lifted the cessation of provision to Mecara Payments K.K. (JP) (21/11/2026, 12:00:00 JST). No cessation of provision stands any more.',
    );
    expect(
      liftAnswer({ lifted: [{ recipient: 'all', ...STOP }], at: lifted.at, cessationOfProvision: null }, NAMES, 'ja'),
    ).toBe('すべての第三者への提供停止を解除しました（2026/11/21 12:00:00）。停止中のものはありません。');
  });
});
