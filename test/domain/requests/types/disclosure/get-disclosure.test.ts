// GET /v1/disclosures/{token} as a use case: the reader is asked by the token's hash, never the
// token; the dossier comes as JSON, a page or CSV, as the Accept header prefers.

import { describe, expect, it } from 'vitest';
import { DeskProblem } from '../../../../../functions/domain/kernel/problems';
import { hashSecret } from '../../../../../functions/domain/kernel/secrets';
import { POLICY_PURPOSES, registryOf } from '../../../../../functions/domain/purposes/registry';
import type { DisclosureReader } from '../../../../../functions/domain/requests/ports';
import {
  compileDossier,
  type StoredDisclosure,
  servedDossier,
} from '../../../../../functions/domain/requests/types/disclosure/disclosure-dossier';
import {
  DOSSIER_CONTENT_TYPES,
  getDisclosure,
  negotiateDossierFormat,
} from '../../../../../functions/domain/requests/types/disclosure/get-disclosure';
import { DEMO_COMPANY, DEMO_DESK } from '../../../../support/company';
import { FixedClock, receivedRequest } from '../../../doubles';
import { HANAKO_HOLDINGS } from '../../../holdings-fixture';

const TOKEN = 'token-3-abcdefghijklmnop';
const NOW = new Date('2026-11-20T00:00:00.000Z');

class ArrayDisclosureReader implements DisclosureReader {
  readonly asked: string[] = [];
  constructor(private readonly items: StoredDisclosure[]) {}
  async get(tokenHash: string, now: Date) {
    this.asked.push(tokenHash);
    return this.items.find((d) => d.tokenHash === tokenHash && d.expiresAt > now.getTime() / 1000);
  }
}

const stored: StoredDisclosure = {
  tokenHash: hashSecret(TOKEN),
  requestId: 'req-1',
  subjectIds: HANAKO_HOLDINGS.subjectIds,
  dossier: compileDossier(
    receivedRequest(),
    HANAKO_HOLDINGS,
    registryOf(POLICY_PURPOSES),
    new Date('2026-11-12T05:30:00.000Z'),
  ),
  createdAt: '2026-11-12T05:30:00.000Z',
  expiresAt: Date.parse('2026-11-26T05:30:00.000Z') / 1000,
};

describe('getDisclosure', () => {
  it("returns the dossier as JSON by default, looking the link up by the token's hash only", async () => {
    const disclosures = new ArrayDisclosureReader([stored]);
    await expect(
      getDisclosure({ disclosures, clock: new FixedClock(NOW), company: DEMO_COMPANY }, TOKEN),
    ).resolves.toEqual({
      body: servedDossier(stored.dossier, NOW, DEMO_DESK),
      contentType: 'application/json; charset=utf-8',
      fileName: 'personal-data-disclosure-req-1.json',
    });
    expect(disclosures.asked).toEqual([hashSecret(TOKEN)]);
  });

  it('returns a page or CSV when asked', async () => {
    const deps = {
      disclosures: new ArrayDisclosureReader([stored]),
      clock: new FixedClock(NOW),
      company: DEMO_COMPANY,
    };
    const page = await getDisclosure(deps, TOKEN, 'html');
    expect(page.contentType).toBe(DOSSIER_CONTENT_TYPES.html);
    expect(page.body).toEqual(expect.stringContaining('<html lang="ja">'));
    const csv = await getDisclosure(deps, TOKEN, 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.body).toEqual(expect.stringContaining('保有個人データ,氏名,山田 花子'));
    expect(csv.fileName).toBe('personal-data-disclosure-req-1.csv');
    expect(page).not.toHaveProperty('fileName');
  });

  it("serves the words of every code in the dossier's language and the desk to contact, also for a copy compiled before they existed", async () => {
    const { body } = await getDisclosure(
      { disclosures: new ArrayDisclosureReader([stored]), clock: new FixedClock(NOW), company: DEMO_COMPANY },
      TOKEN,
    );
    const dossier = body as ReturnType<typeof servedDossier>;
    expect(dossier.consents![0]).toMatchObject({ actionLabel: '同意', purposeDescription: expect.any(String) });
    expect(dossier.provisionRecords![0]).toMatchObject({
      itemLabels: ['氏名', 'メールアドレス'],
      basisLabel: 'ご本人の同意（第27条第1項）',
    });
    expect(dossier.desk).toMatchObject({ name: expect.stringContaining('窓口'), email: expect.stringContaining('@') });
    const { categoryLabel: _, ...old } = stored.dossier.records![0]!;
    const older = { ...stored, dossier: { ...stored.dossier, records: [old] } } as unknown as StoredDisclosure;
    const served = (
      await getDisclosure(
        { disclosures: new ArrayDisclosureReader([older]), clock: new FixedClock(NOW), company: DEMO_COMPANY },
        TOKEN,
      )
    ).body as ReturnType<typeof servedDossier>;
    expect(served.records![0]!.categoryLabel).toBe('氏名');
  });

  it('answers not-found for an unknown or expired link', async () => {
    const disclosures = new ArrayDisclosureReader([stored]);
    const unknown = await getDisclosure(
      { disclosures, clock: new FixedClock(NOW), company: DEMO_COMPANY },
      'token-9-zzzzzzzzzzzzzzzz',
    ).catch((e: unknown) => e);
    const expired = await getDisclosure(
      { disclosures, clock: new FixedClock('2026-11-26T05:30:00.000Z'), company: DEMO_COMPANY },
      TOKEN,
    ).catch((e: unknown) => e);
    for (const problem of [unknown, expired]) {
      expect(problem).toBeInstanceOf(DeskProblem);
      expect(problem).toMatchObject({ kind: 'not-found' });
    }
  });
});

describe('negotiateDossierFormat', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'], // a browser
    ['text/csv', 'csv'],
    ['TEXT/CSV; charset=utf-8', 'csv'],
    ['application/json, text/html', 'json'],
    ['image/png, text/csv', 'csv'],
  ] as const)('reads Accept %j as %s', (accept, format) => {
    expect(negotiateDossierFormat(accept)).toBe(format);
  });
});
