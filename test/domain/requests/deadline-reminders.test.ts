// The deadline reminders as a use case: who is due which reminder (the due-soon window counted in
// desk days across a weekend and the September holidays), one e-mail per kind to the right role,
// and never twice, even when two runs race.

import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import {
  dueForReminder,
  MAX_TRANSACTION_ITEMS,
  type OpenRequestSummary,
  REMINDER_DESK_DAYS,
  type ReminderKind,
  type ReminderStore,
  type StaffRoster,
  sendDeadlineReminders,
} from '../../../functions/domain/requests/deadline-reminders';
import type { StaffRole } from '../../../functions/domain/staff';
import { DEMO_COMPANY, DEMO_HOURS } from '../../support/company';
import { FixedClock, jst, SequenceSecrets } from '../doubles';

/** Open requests in memory; a reminder is recorded only if none of its requests was marked meanwhile. */
class MemoryReminderStore implements ReminderStore {
  readonly messages: OutboxMessage[] = [];
  constructor(readonly requests: OpenRequestSummary[]) {}
  async openRequests(): Promise<OpenRequestSummary[]> {
    return structuredClone(this.requests.filter((r) => r.status === 'received' || r.status === 'in-progress'));
  }
  async recordReminder(kind: ReminderKind, requestIds: string[], messages: OutboxMessage[], now: Date): Promise<void> {
    const mark = kind === 'due-soon' ? 'remindedDueSoonAt' : 'remindedOverdueAt';
    const targets = requestIds.map((id) => this.requests.find((r) => r.requestId === id)!);
    if (targets.some((r) => r[mark] || (r.status !== 'received' && r.status !== 'in-progress')))
      throw new StaleWriteError();
    for (const r of targets) r[mark] = now.toISOString();
    this.messages.push(...structuredClone(messages));
  }
}

class Roster implements StaffRoster {
  constructor(readonly byRole: Partial<Record<StaffRole, string[]>>) {}
  async activeEmails(role: StaffRole): Promise<string[]> {
    return this.byRole[role] ?? [];
  }
}

const OPERATORS = ['op1@desk.example.jp', 'op2@desk.example.jp'];
const OFFICERS = ['officer@desk.example.jp'];

function open(requestId: string, dueAt: Date, overrides: Partial<OpenRequestSummary> = {}): OpenRequestSummary {
  return { requestId, type: 'disclosure', status: 'received', dueAt: dueAt.toISOString(), ...overrides };
}

// Friday 18 September 2026, 10:00 JST. Then Sat, Sun, and three holidays (21 Respect for the Aged
// Day, 22 the sandwiched national holiday, 23 Autumnal Equinox Day): the next desk days are Thu 24
// and Fri 25.
const FRIDAY_MORNING = jst(2026, 9, 18, 10);

describe('the reminder window', () => {
  it('is two desk days (desk policy)', () => {
    expect(REMINDER_DESK_DAYS).toBe(2);
  });

  it('counts desk days, not calendar days: across the weekend and the September holidays', () => {
    const requests = [
      open('due-25th-close', jst(2026, 9, 25, 17)),
      open('due-28th-close', jst(2026, 9, 28, 17)),
      open('due-24th', jst(2026, 9, 24, 12)),
      open('due-now', FRIDAY_MORNING),
      open('overdue-a-minute', jst(2026, 9, 18, 9, 59)),
    ];
    expect(dueForReminder(requests, 'due-soon', FRIDAY_MORNING, DEMO_HOURS).map((r) => r.requestId)).toEqual([
      'due-now',
      'due-24th',
      'due-25th-close',
    ]);
    expect(dueForReminder(requests, 'overdue', FRIDAY_MORNING, DEMO_HOURS).map((r) => r.requestId)).toEqual([
      'overdue-a-minute',
    ]);
  });

  it('outside desk hours it counts from the next opening: at Friday 17:00 the window reaches Monday 28th', () => {
    const requests = [open('due-28th-close', jst(2026, 9, 28, 17)), open('due-29th', jst(2026, 9, 29, 10))];
    expect(dueForReminder(requests, 'due-soon', jst(2026, 9, 18, 16, 59), DEMO_HOURS).map((r) => r.requestId)).toEqual(
      [],
    );
    expect(dueForReminder(requests, 'due-soon', jst(2026, 9, 18, 17), DEMO_HOURS).map((r) => r.requestId)).toEqual([
      'due-28th-close',
    ]);
  });

  it('skips requests already reminded of that kind only', () => {
    const requests = [
      open('soon-reminded', jst(2026, 9, 24, 17), { remindedDueSoonAt: '2026-09-17T00:00:00.000Z' }),
      open('late-reminded-soon', jst(2026, 9, 17, 17), { remindedDueSoonAt: '2026-09-16T00:00:00.000Z' }),
    ];
    expect(dueForReminder(requests, 'due-soon', FRIDAY_MORNING, DEMO_HOURS)).toEqual([]);
    expect(dueForReminder(requests, 'overdue', FRIDAY_MORNING, DEMO_HOURS).map((r) => r.requestId)).toEqual([
      'late-reminded-soon',
    ]);
  });
});

describe('sendDeadlineReminders', () => {
  const seeded = () =>
    new MemoryReminderStore([
      open('req-soon', jst(2026, 9, 24, 17), { type: 'correction' }),
      open('req-soon-2', jst(2026, 9, 25, 17), { status: 'in-progress' }),
      open('req-later', jst(2026, 10, 5, 17)),
      open('req-overdue', jst(2026, 9, 17, 17)),
    ]);
  const depsOf = (
    store: ReminderStore,
    roster: StaffRoster = new Roster({ operator: OPERATORS, officer: OFFICERS }),
  ) => ({
    store,
    staff: roster,
    secrets: new SequenceSecrets(),
    clock: new FixedClock(FRIDAY_MORNING),
    company: DEMO_COMPANY,
  });

  it('e-mails each operator once about everything due soon, and the officer about what is overdue', async () => {
    const store = seeded();
    const tally = await sendDeadlineReminders(depsOf(store));
    expect(tally).toEqual({
      reminded: { 'due-soon': 2, overdue: 1 },
      messages: 3,
      unaddressed: { 'due-soon': 0, overdue: 0 },
    });
    const soonMessages = store.messages.filter((m) => m.topic === 'reminder-due-soon');
    expect(soonMessages.map((m) => m.to)).toEqual(OPERATORS.map((to) => [to]));
    expect(soonMessages[0]!.text).toBe(soonMessages[1]!.text);
    const soon = soonMessages[0]!;
    const late = store.messages.find((m) => m.topic === 'reminder-overdue')!;
    expect(late.to).toEqual(OFFICERS);
    expect(soon.text).toContain('req-soon');
    expect(soon.text).toContain('req-soon-2');
    expect(soon.text).not.toContain('req-later');
    expect(soon.text).not.toContain('req-overdue');
    expect(late.text).toContain('req-overdue');
    expect(late.text).not.toContain('req-soon');
    expect(store.requests.find((r) => r.requestId === 'req-soon')!.remindedDueSoonAt).toBe(
      FRIDAY_MORNING.toISOString(),
    );
    expect(store.requests.find((r) => r.requestId === 'req-overdue')!.remindedOverdueAt).toBe(
      FRIDAY_MORNING.toISOString(),
    );
    expect(store.requests.find((r) => r.requestId === 'req-later')!.remindedDueSoonAt).toBeUndefined();
  });

  it('writes Japanese and English: id, type, status and due date, nothing more', async () => {
    const store = seeded();
    await sendDeadlineReminders(depsOf(store));
    const soon = store.messages.find((m) => m.topic === 'reminder-due-soon')!;
    expect(soon.subject).toMatch(/期限間近.*due within 2 desk days/);
    expect(soon.text).toContain('2営業日以内');
    expect(soon.text).toContain('due within 2 desk days');
    expect(soon.text).toContain('2026年9月24日 17:00（日本時間）');
    expect(soon.text).toContain('24 September 2026 at 17:00 (Japan time)');
    expect(soon.text).toMatch(/req-soon-2 .+ \/ 対応中 \//);
    expect(soon.text).toMatch(/req-soon-2 .+ \/ in progress \//);
    const late = store.messages.find((m) => m.topic === 'reminder-overdue')!;
    expect(late.subject).toMatch(/期限超過.*overdue/);
    expect(late.text).toContain('第39条');
    expect(late.text).toContain('Art. 39');
  });

  it('reminds once: a second run finds nothing left', async () => {
    const store = seeded();
    await sendDeadlineReminders(depsOf(store));
    const again = await sendDeadlineReminders(depsOf(store));
    expect(again).toEqual({
      reminded: { 'due-soon': 0, overdue: 0 },
      messages: 0,
      unaddressed: { 'due-soon': 0, overdue: 0 },
    });
    expect(store.messages).toHaveLength(3);
  });

  it('reminds once when two runs race: the loser re-reads and finds nothing left', async () => {
    const store = seeded();
    const [a, b] = await Promise.all([sendDeadlineReminders(depsOf(store)), sendDeadlineReminders(depsOf(store))]);
    expect(a.messages + b.messages).toBe(3);
    expect(a.reminded['due-soon'] + b.reminded['due-soon']).toBe(2);
    expect(store.messages.map((m) => m.topic).sort()).toEqual([
      'reminder-due-soon',
      'reminder-due-soon',
      'reminder-overdue',
    ]);
  });

  it('an overdue request already reminded as due soon still reaches the officer, once', async () => {
    const store = seeded();
    await sendDeadlineReminders(depsOf(store));
    const monday = { ...depsOf(store), clock: new FixedClock(jst(2026, 9, 28, 10)) };
    const tally = await sendDeadlineReminders(monday);
    expect(tally.reminded.overdue).toBe(2);
    const late = store.messages.filter((m) => m.topic === 'reminder-overdue').at(-1)!;
    expect(late.text).toContain('req-soon');
    expect(late.text).not.toContain('req-overdue');
  });

  it('marks nothing when no active staff member holds the role, so a later run still reminds', async () => {
    const store = seeded();
    const tally = await sendDeadlineReminders(depsOf(store, new Roster({ officer: OFFICERS })));
    expect(tally.unaddressed).toEqual({ 'due-soon': 2, overdue: 0 });
    expect(store.requests.every((r) => !r.remindedDueSoonAt)).toBe(true);
    expect((await sendDeadlineReminders(depsOf(store))).reminded['due-soon']).toBe(2);
  });

  it('splits a long list so each list commits with its requests and e-mails in one transaction', async () => {
    const perTransaction = MAX_TRANSACTION_ITEMS - OPERATORS.length;
    const many = Array.from({ length: perTransaction + 1 }, (_, i) => open(`bulk-${i}`, jst(2026, 9, 24, 17)));
    const store = new MemoryReminderStore(many);
    const tally = await sendDeadlineReminders(depsOf(store));
    expect(tally.messages).toBe(2 * OPERATORS.length);
    expect(tally.reminded['due-soon']).toBe(perTransaction + 1);
    expect(store.messages[0]!.text).toContain(`bulk-${perTransaction - 1}`);
    expect(store.messages.at(-1)!.text).toContain(`bulk-${perTransaction}`);
    expect(store.requests.every((r) => r.remindedDueSoonAt)).toBe(true);
  });

  it('does not remind of a request that closed after it was read', async () => {
    const store = seeded();
    const racing: ReminderStore = {
      openRequests: async () => {
        const found = await store.openRequests();
        store.requests.find((r) => r.requestId === 'req-overdue')!.status = 'fulfilled';
        return found;
      },
      recordReminder: (...args) => store.recordReminder(...args),
    };
    const tally = await sendDeadlineReminders(depsOf(racing));
    expect(tally.reminded.overdue).toBe(0);
    expect(store.messages.filter((m) => m.topic === 'reminder-overdue')).toEqual([]);
  });
});
