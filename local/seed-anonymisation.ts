// A demo population for anonymously processed information: 300 synthetic customers (demo-pop-0001 …)
// with a date of birth, gender, address in one of several prefectures, occupation and contract plan,
// so a dataset definition can be run on the local desk and meet k = 5 (README). Deterministic: the
// same seed gives the same people on every start, and their keys stay the same, so a restart
// rewrites the same items. No names, e-mail addresses or other contact details: nobody is reachable.

import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../functions/adapters/clients';
import type { DatasetDefinitionInput } from '../functions/domain/anonymisation/definition';
import { lookupKeyOf, type PersonalDataRecord, type StoredPersonalDataRecord } from '../functions/domain/holdings';
import { personalDataExpiresAt } from '../functions/domain/personal-data/expiry';
import { POLICY_PURPOSES, registryOf } from '../functions/domain/purposes/registry';

/**
 * The definition the README walk posts (with a definitionId of its choosing): on the demo population it
 * meets k = 5 with a few records suppressed, showing age in 20-year bands, gender and prefecture.
 */
export const DEMO_DATASET_DEFINITION = {
  title: { ja: '顧客属性の統計用データ', en: 'Customer attributes for statistics' },
  purposes: ['service-improvement'],
  attributes: [
    { category: 'name', treatment: 'delete' },
    { category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'age', bands: [5, 10, 20] } },
    {
      category: 'gender',
      treatment: 'generalise',
      hierarchy: { kind: 'table', levels: { 女性: ['男女計'], 男性: ['男女計'] } },
    },
    { category: 'address', treatment: 'generalise', hierarchy: { kind: 'address' } },
    { category: 'contract', treatment: 'keep' },
  ],
  model: { k: 5, maxSuppression: 0.05 },
} as const satisfies DatasetDefinitionInput;

export const DEMO_POPULATION_SIZE = 300;
export const DEMO_POPULATION_PREFIX = 'demo-pop-';
export const demoPopulationSubject = (n: number) => `${DEMO_POPULATION_PREFIX}${String(n).padStart(4, '0')}`;

/** Municipalities (with a street part) across several prefectures and regions, weighted by how often each is drawn. */
const ADDRESSES: readonly [string, number][] = [
  ['東京都港区芝公園', 10],
  ['東京都世田谷区三軒茶屋', 12],
  ['神奈川県横浜市中区本町', 12],
  ['大阪府大阪市北区梅田', 12],
  ['大阪府堺市堺区南瓦町', 6],
  ['愛知県名古屋市中区栄', 8],
];
const OCCUPATIONS: readonly [string, number][] = [
  ['会社員', 40],
  ['公務員', 8],
  ['パート・アルバイト', 14],
  ['自営業', 10],
  ['専門職', 8],
  ['学生', 8],
  ['無職', 12],
];
const PLANS: readonly [string, number][] = [
  ['ライトプラン', 40],
  ['スタンダードプラン', 40],
  ['プレミアムプラン', 20],
];

/** mulberry32: a small deterministic generator, enough for synthetic demo people. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(random: () => number, choices: readonly [string, number][]): string {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [value, weight] of choices) {
    at -= weight;
    if (at < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The demo population's records, the same on every call. */
export function demoPopulationRecords(): StoredPersonalDataRecord[] {
  const random = generator(20_260_401);
  const registry = registryOf(POLICY_PURPOSES);
  const records: StoredPersonalDataRecord[] = [];
  for (let n = 1; n <= DEMO_POPULATION_SIZE; n++) {
    const subjectId = demoPopulationSubject(n);
    // Born 1946-2005: customers aged about 20 to 80.
    const year = 1946 + Math.floor(random() * 60);
    const born = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const gender = random() < 0.52 ? '女性' : '男性';
    const street = `${1 + Math.floor(random() * 5)}-${1 + Math.floor(random() * 20)}-${1 + Math.floor(random() * 30)}`;
    const address = `${weighted(random, ADDRESSES)}${street}`;
    const occupation = year >= 2002 && random() < 0.6 ? '学生' : weighted(random, OCCUPATIONS);
    const plan = weighted(random, PLANS);
    // Registered on one of the last 400 days, at a fixed hour.
    const acquiredAt = new Date(
      Date.UTC(2025, 0, 1) + Math.floor(random() * 400) * 86_400_000 + 3_600_000,
    ).toISOString();
    const values: [string, string, string[]][] = [
      ['date-of-birth', born, ['service-provision']],
      ['gender', gender, ['service-provision']],
      ['address', address, ['service-provision', 'billing']],
      ['occupation', occupation, ['service-provision']],
      ['contract', plan, ['service-provision', 'billing']],
    ];
    for (const [category, value, purposes] of values) {
      const held: PersonalDataRecord = {
        subjectId,
        recordId: `pop-${category}`,
        category,
        value,
        source: 'from-customer',
        sourceDetail: 'Synthetic demo population',
        purposes,
        acquiredAt,
      };
      const expiresAt = personalDataExpiresAt(held, registry, undefined);
      records.push({ ...held, lookupKey: lookupKeyOf(held), ...(expiresAt === undefined ? {} : { expiresAt }) });
    }
  }
  return records;
}

/** Writes the population, 25 items a batch (DynamoDB's limit), again for any the emulator left unprocessed. */
export async function seedDemoPopulation(): Promise<void> {
  const records = demoPopulationRecords();
  for (let i = 0; i < records.length; i += 25) {
    let requests: BatchWriteRequests | undefined = {
      [tableName('personal-data')]: records.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (requests && Object.keys(requests).length > 0) {
      const answer: BatchWriteCommandOutput = await dynamo().send(new BatchWriteCommand({ RequestItems: requests }));
      requests = answer.UnprocessedItems as BatchWriteRequests | undefined;
    }
  }
}

type BatchWriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>;
