// The console's deciding and keeping logic without a browser: the staff words about the person for
// every label a request type gives, which decisions name records (a correction's rows), drafts kept
// per staff member and request, and the session kept for the tab only while its token is valid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionOptions } from '../../../functions/domain/requests/decision-options';
import { REQUEST_TYPES, requestType } from '../../../functions/domain/requests/types/registry';
import {
  type DecisionOptions,
  draftKey,
  forgetDrafts,
  isDecisionDraft,
  readDraft,
  recordRowsOf,
  withoutChanges,
  writeDraft,
} from '../../../web/src/desk/decision-draft';
import { aboutThePerson, DESK_DETAIL_FIELD_LABELS } from '../../../web/src/desk/request-text';
import { forgetSession, keepSession, keptSession, sessionFromIdToken } from '../../../web/src/desk/session';
import { OPTION_LABELS, TYPE_LABELS } from '../../../web/src/text';

/** A stand-in for the tab's sessionStorage and localStorage. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

const storage = new MemoryStorage();
const proxied = new Proxy(storage, {
  ownKeys: () => [...Array(storage.length).keys()].map((i) => storage.key(i)!),
  getOwnPropertyDescriptor: (_t, k) =>
    typeof k === 'string' && storage.getItem(k) !== null
      ? { enumerable: true, configurable: true, value: storage.getItem(k) }
      : undefined,
});

beforeEach(() => {
  storage.clear();
  (globalThis as Record<string, unknown>).sessionStorage = proxied;
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).sessionStorage;
});

const token = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('the staff view speaks about the person', () => {
  const every = REQUEST_TYPES.flatMap((t) => [
    ...Object.values(t.refusalGrounds),
    ...Object.values(OPTION_LABELS),
    ...Object.values(TYPE_LABELS),
    ...Object.values(DESK_DETAIL_FIELD_LABELS),
  ]);

  it('leaves no "you" or "your" in any ground, choice, type or detail label in English', () => {
    const left = every.map((l) => aboutThePerson(l.en, 'en')).filter((text) => /\byour?\b/i.test(text));
    expect(left).toEqual([]);
  });

  it('says 本人, not ご本人 or お客様, in Japanese', () => {
    const left = every.map((l) => aboutThePerson(l.ja, 'ja')).filter((text) => /ご本人|お客様/.test(text));
    expect(left).toEqual([]);
  });

  it('rewrites the address only', () => {
    expect(aboutThePerson('Provided to a third party without your consent', 'en')).toBe(
      "Provided to a third party without the person's consent",
    );
    expect(aboutThePerson('Your personal data', 'en')).toBe("The person's personal data");
    expect(aboutThePerson('of you or a third party', 'en')).toBe('of the person or a third party');
    expect(aboutThePerson('Young customers', 'en')).toBe('Young customers');
  });
});

describe('decisions that name records', () => {
  const options = (type: string) => decisionOptions(requestType(type)!) as unknown as DecisionOptions;

  it("draws a correction's changes from the person's records, and no other type's details", () => {
    expect(recordRowsOf(options('correction').details.fulfilled)).toBeDefined();
    expect(recordRowsOf(options('correction').details['partially-fulfilled'])).toBeDefined();
    expect(recordRowsOf(options('correction').details.refused)).toBeUndefined();
    for (const t of REQUEST_TYPES.filter((x) => x.type !== 'correction'))
      for (const schema of Object.values(options(t.type).details)) expect(recordRowsOf(schema), t.type).toBeUndefined();
    expect(Object.keys(withoutChanges(options('correction').details.fulfilled!).properties!)).toEqual([
      'investigation',
    ]);
  });
});

describe('drafts', () => {
  it('are kept per staff member and request, removed when empty, and all forgotten on sign-out', () => {
    const mine = draftKey('operator', 'req-1', 'decision');
    const theirs = draftKey('operator-2', 'req-1', 'decision');
    const draft = { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Another law forbids it.', details: {} };
    writeDraft(mine, draft, false);
    writeDraft(draftKey('operator', 'req-1', 'note'), 'called back', false);
    expect(readDraft(mine, isDecisionDraft)).toEqual(draft);
    expect(readDraft(theirs, isDecisionDraft)).toBeUndefined();
    writeDraft(mine, draft, true);
    expect(readDraft(mine, isDecisionDraft)).toBeUndefined();
    storage.setItem('something-else', 'kept');
    forgetDrafts();
    expect(Object.keys(sessionStorage)).toEqual(['something-else']);
  });

  it('ignores what is not a draft', () => {
    const key = draftKey('operator', 'req-2', 'decision');
    storage.setItem(key, '{"outcome":1}');
    expect(readDraft(key, isDecisionDraft)).toBeUndefined();
    storage.setItem(key, 'not json');
    expect(readDraft(key, isDecisionDraft)).toBeUndefined();
  });
});

describe('the session kept for the tab', () => {
  const claims = { 'cognito:username': 'operator', 'cognito:groups': ['operator'] };

  it('comes back while the token is valid, and is forgotten once it expires', () => {
    const now = Date.now();
    const session = sessionFromIdToken(token({ ...claims, exp: Math.floor(now / 1000) + 600 }))!;
    keepSession(session);
    expect(keptSession(now)).toEqual(session);
    expect(keptSession(now + 601_000)).toBeUndefined();
    expect(sessionStorage.getItem('appi-desk.desk-session')).toBeNull();
  });

  it('is forgotten on sign-out, and an unusable token is never a session', () => {
    keepSession(sessionFromIdToken(token({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }))!);
    forgetSession();
    expect(keptSession()).toBeUndefined();
    storage.setItem('appi-desk.desk-session', token({ exp: 9_999_999_999 }));
    expect(keptSession()).toBeUndefined();
    expect(storage.length).toBe(0);
  });
});
