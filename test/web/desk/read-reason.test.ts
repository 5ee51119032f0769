// The console's read reason (web/src/desk/read-reason.ts): the form names exactly one reason, which
// the subject routes' own query schemas accept; only open requests and active purposes are offered.
import { describe, expect, it } from 'vitest';
import { subjectSearchQuery, subjectViewQuery } from '../../../functions/http/contract';
import {
  activePurposes,
  EMPTY_REASON_FORM,
  formOf,
  OTHER_REQUEST,
  openRequests,
  queryString,
  reasonOf,
  reasonParams,
} from '../../../web/src/desk/read-reason';

describe('the read reason', () => {
  it('names no reason until a request or a purpose is chosen', () => {
    expect(reasonOf(EMPTY_REASON_FORM)).toBeUndefined();
    expect(reasonOf({ ...EMPTY_REASON_FORM, kind: 'request' })).toBeUndefined();
    expect(
      reasonOf({ ...EMPTY_REASON_FORM, kind: 'request', chosenRequest: OTHER_REQUEST, typedRequest: '  ' }),
    ).toBeUndefined();
    expect(reasonOf({ ...EMPTY_REASON_FORM, kind: 'purpose' })).toBeUndefined();
  });

  it('takes the chosen open request, or the typed one, or the purpose', () => {
    expect(reasonOf({ ...EMPTY_REASON_FORM, kind: 'request', chosenRequest: 'R1', typedRequest: 'R2' })).toEqual({
      kind: 'request',
      requestId: 'R1',
    });
    expect(
      reasonOf({ ...EMPTY_REASON_FORM, kind: 'request', chosenRequest: OTHER_REQUEST, typedRequest: ' R2 ' }),
    ).toEqual({ kind: 'request', requestId: 'R2' });
    expect(
      reasonOf({ ...EMPTY_REASON_FORM, kind: 'purpose', chosenRequest: 'R1', purpose: 'service-provision' }),
    ).toEqual({ kind: 'purpose', purpose: 'service-provision' });
  });

  it('offers the last reason again: an offered request is chosen, another is typed', () => {
    expect(formOf({ kind: 'request', requestId: 'R1' }, ['R1'])).toMatchObject({
      kind: 'request',
      chosenRequest: 'R1',
    });
    expect(formOf({ kind: 'request', requestId: 'R9' }, ['R1'])).toMatchObject({
      kind: 'request',
      chosenRequest: OTHER_REQUEST,
      typedRequest: 'R9',
    });
    expect(formOf({ kind: 'purpose', purpose: 'p' }, [])).toMatchObject({ kind: 'purpose', purpose: 'p' });
    expect(formOf(undefined, ['R1'])).toEqual(EMPTY_REASON_FORM);
  });

  it('sends exactly one reason, as the subject routes require', () => {
    for (const reason of [
      { kind: 'request', requestId: 'R-1_a' },
      { kind: 'purpose', purpose: 'service-provision' },
    ] as const) {
      expect(subjectViewQuery.safeParse(reasonParams(reason)).success).toBe(true);
      expect(subjectSearchQuery.safeParse({ ...reasonParams(reason), email: 'hanako@example.jp' }).success).toBe(true);
    }
    expect(queryString({ requestId: 'R 1', purpose: undefined, email: '' })).toBe('?requestId=R+1');
    expect(queryString({})).toBe('');
  });

  it('offers only the requests the desk is handling, soonest due first, and only active purposes', () => {
    const offered = openRequests([
      { requestId: 'c', type: 'disclosure', status: 'received', dueAt: '2026-12-03T00:00:00.000Z' },
      { requestId: 'a', type: 'disclosure', status: 'fulfilled', dueAt: '2026-12-01T00:00:00.000Z' },
      { requestId: 'b', type: 'correction', status: 'in-progress', dueAt: '2026-12-02T00:00:00.000Z' },
      { requestId: 'd', type: 'complaint', status: 'withdrawn' },
    ]);
    expect(offered.map((r) => r.requestId)).toEqual(['b', 'c']);
    expect(
      activePurposes([
        { purposeId: 'x', ja: 'x', en: 'x', status: 'retired' },
        { purposeId: 'y', ja: 'y', en: 'y', status: 'active' },
      ]).map((p) => p.purposeId),
    ).toEqual(['y']);
  });
});
