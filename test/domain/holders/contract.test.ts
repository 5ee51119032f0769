// The consignment contract as law-as-data: the clauses policy §6(2)B names, each with its source;
// "in force on a day" means within its dates with every clause; the next review follows the schedule.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  CONSIGNMENT_CLAUSES,
  contractFaults,
  nextReviewDue,
  SUPERVISION_INTERVAL_MONTHS,
} from '../../../functions/domain/holders/contract';
import { PROCESSOR } from './doubles';

const contract = PROCESSOR.contract!;

describe('the consignment contract (policy §6(2)B, APPI Art. 25)', () => {
  it('lists the clauses the policy names, each with its source', () => {
    expect(CONSIGNMENT_CLAUSES.map((c) => c.id)).toEqual([
      'security-measures',
      'confidentiality',
      're-consignment-approval',
      'return-or-erasure',
    ]);
    for (const c of CONSIGNMENT_CLAUSES) expect(c.source, c.id).toMatch(/policy §6\(2\)B/);
    expect(SUPERVISION_INTERVAL_MONTHS).toBe(12);
  });

  it('is in force from its first to its last day, with every clause present with a reference', () => {
    expect(contractFaults(contract, '2026-01-09')).toEqual(['the contract comes into force on 2026-01-10']);
    expect(contractFaults(contract, '2026-01-10')).toEqual([]);
    const ending = { ...contract, inForceUntil: '2026-12-31' };
    expect(contractFaults(ending, '2026-12-31')).toEqual([]);
    expect(contractFaults(ending, '2027-01-01')).toEqual(['the contract ended on 2026-12-31']);
    const blank = {
      ...contract,
      clauses: contract.clauses.map((c) => ({ ...c, reference: c.clause === 'confidentiality' ? ' ' : c.reference })),
    };
    expect(contractFaults(blank, '2026-06-01')).toEqual([
      'the contract lacks the clauses confidentiality (policy §6(2)B)',
    ]);
    expect(contractFaults(undefined, '2026-06-01')).toEqual(['no consignment contract is recorded']);
  });

  it('dues the next review the interval after the latest review, or after the contract began', () => {
    expect(nextReviewDue(contract, 12, [])).toBe('2027-01-10');
    expect(nextReviewDue(contract, 6, [{ reviewedOn: '2026-08-31' }, { reviewedOn: '2026-03-01' }])).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(nextReviewDue(undefined, 12, [])).toBeUndefined();
  });
});

describe('the words of the holder registry', () => {
  it('name every kind, clause and outcome the rules know, in Japanese and English', async () => {
    const words = await import('../../../functions/domain/holders/words');
    const { HOLDER_KINDS } = await import('../../../functions/domain/holders/holder');
    const { REVIEW_OUTCOMES } = await import('../../../functions/domain/holders/contract');
    expect(Object.keys(words.HOLDER_KIND_WORDS)).toEqual([...HOLDER_KINDS]);
    expect(Object.keys(words.CONSIGNMENT_CLAUSE_WORDS)).toEqual(CONSIGNMENT_CLAUSES.map((c) => c.id));
    expect(Object.keys(words.REVIEW_OUTCOME_WORDS)).toEqual([...REVIEW_OUTCOMES]);
  });
});
