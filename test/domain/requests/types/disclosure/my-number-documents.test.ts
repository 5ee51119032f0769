// The My Number documents a disclosure lists (My Number Act Art. 20, APPI Art. 33): which document,
// its affair, its tax year or completion day and the last day it is kept, in the dossier's language;
// never the number, in any electronic form (JSON, CSV, page), even if a reader handed one over.
import { describe, expect, it } from 'vitest';
import type { HeldMyNumberDocument, StoredMyNumber } from '../../../../../functions/domain/my-number/ports';
import { POLICY_PURPOSES, registryOf } from '../../../../../functions/domain/purposes/registry';
import {
  compileDossier,
  dossierAsOf,
  servedDossier,
  storedDossierExpiresAt,
} from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { dossierCsv, dossierHtml } from '../../../../../functions/domain/requests/types/disclosure/dossier-formats';
import { dossierLayout } from '../../../../../functions/domain/requests/types/disclosure/dossier-text';
import { DEMO_DESK } from '../../../../support/company';
import { NOTHING_HELD, receivedRequest } from '../../../doubles';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const NUMBER = '123456789018';
const REGISTRY = registryOf(POLICY_PURPOSES);

/** A tax-year 2026 declaration: kept to 10 January 2034 (the midnight after it, Japan time). */
const DECLARATION: StoredMyNumber = {
  subjectId: 'subj-hanako-1',
  documentId: 'dependant-deduction-declaration#2025-12-10',
  affair: 'tax',
  document: 'dependant-deduction-declaration',
  documentDate: '2025-12-10',
  taxYear: 2026,
  number: NUMBER,
  registeredBy: 'payroll',
  registeredAt: '2025-12-10T00:00:00.000Z',
  expiresAt: Date.parse('2034-01-11T00:00:00+09:00') / 1000,
};
/** Completed 1 April 2026: kept two years counted from the next day, to 1 April 2028. */
const NOTIFICATION: HeldMyNumberDocument = {
  subjectId: 'subj-hanako-1',
  documentId: 'health-insurance-qualification#2026-04-01',
  affair: 'social-insurance',
  document: 'health-insurance-qualification',
  documentDate: '2026-04-01',
  expiresAt: Date.parse('2028-04-02T00:00:00+09:00') / 1000,
};

const compiled = (
  language: 'ja' | 'en',
  myNumberDocuments: readonly HeldMyNumberDocument[] = [DECLARATION, NOTIFICATION],
) =>
  compileDossier(receivedRequest({ language }), NOTHING_HELD, REGISTRY, NOW, {
    covers: ['personal-data', 'provision-records'],
    myNumberDocuments,
  });

describe('the My Number documents in the dossier', () => {
  it('lists each document with its affair, tax year or completion day and last day kept, in English', () => {
    const served = servedDossier(compiled('en'), NOW, DEMO_DESK);
    expect(served.myNumberDocuments).toEqual([
      {
        document: 'dependant-deduction-declaration',
        name: "Employee's declaration for dependant deductions",
        affair: 'tax',
        affairLabel: 'Tax affairs',
        taxYear: 2026,
        keptUntil: '2034-01-10',
      },
      {
        document: 'health-insurance-qualification',
        name: 'Notification of health and pension insurance qualification',
        affair: 'social-insurance',
        affairLabel: 'Social insurance affairs',
        completedOn: '2026-04-01',
        keptUntil: '2028-04-01',
      },
    ]);
    expect(served.myNumberNote).toBe(
      'The Individual Numbers (My Numbers) themselves are not in this disclosure. A number is disclosed only in writing by post; if you wish to receive it, ask the desk below.',
    );
    expect(served.nothingHeld).toBe(false);
  });

  it('names them in Japanese for a Japanese request, and the page shows the section with the note', () => {
    const served = servedDossier(compiled('ja'), NOW, DEMO_DESK);
    expect(served.myNumberDocuments![0]).toMatchObject({
      name: '給与所得者の扶養控除等申告書',
      affairLabel: '税務に関する事務',
    });
    const section = dossierLayout(served).sections.find((s) => s.id === 'my-number-documents')!;
    expect(section.heading).toBe('マイナンバー（個人番号）が記載された書類');
    expect(JSON.stringify(section)).toContain('2026年分');
    expect(JSON.stringify(section)).toContain('2034年1月10日');
    expect(section.blocks.at(-1)).toEqual({ kind: 'note', text: served.myNumberNote });
  });

  it('never carries the number, even when the reader handed over a whole item: JSON, CSV and page', () => {
    const stored = compiled('en');
    const served = servedDossier(stored, NOW, DEMO_DESK);
    for (const text of [
      JSON.stringify(stored),
      JSON.stringify(served),
      dossierCsv(served),
      dossierHtml(served, 'en'),
    ]) {
      expect(text).toContain('declaration for dependant deductions');
      expect(text).not.toContain(NUMBER);
      expect(text).not.toContain('payroll');
    }
  });

  it('no documents, no section and no note; a dossier of the provision records only lists none', () => {
    expect(servedDossier(compiled('en', []), NOW, DEMO_DESK)).not.toHaveProperty('myNumberDocuments');
    expect(servedDossier(compiled('en', []), NOW, DEMO_DESK)).not.toHaveProperty('myNumberNote');
    const provisionsOnly = compileDossier(receivedRequest(), NOTHING_HELD, REGISTRY, NOW, {
      covers: ['provision-records'],
      myNumberDocuments: [DECLARATION],
    });
    expect(provisionsOnly).not.toHaveProperty('myNumberDocuments');
  });

  it('a document erased since the copy was compiled is no longer listed, and the copy goes with its last item', () => {
    const stored = compiled('en');
    const afterNotification = new Date(NOTIFICATION.expiresAt * 1000);
    expect(dossierAsOf(stored, afterNotification).myNumberDocuments!.map((d) => d.document)).toEqual([
      'dependant-deduction-declaration',
    ]);
    const onlyNotification = compiled('en', [NOTIFICATION]);
    expect(storedDossierExpiresAt(onlyNotification, NOTIFICATION.expiresAt + 1000)).toBe(NOTIFICATION.expiresAt);
    expect(servedDossier(onlyNotification, afterNotification, DEMO_DESK)).not.toHaveProperty('myNumberNote');
  });
});
