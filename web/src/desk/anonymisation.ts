// Anonymously processed information as the console handles it: the paths, the definition form and the
// body it sends, which measures each registry item may take (Enforcement Rules Art. 34, as
// functions/domain/anonymisation/rules.ts checks them), where a refusal's messages belong on the form,
// and the risk report's numbers in words.

import type * as z from 'zod';
import type { Hierarchy } from '../../../functions/domain/anonymisation/definition';
import type { AttributeTreatment, HierarchyKind } from '../../../functions/domain/anonymisation/words';
import {
  ADDRESS_CATEGORY,
  DEFAULT_K,
  DEFAULT_MAX_SUPPRESSION,
  DELETE_ONLY_CATEGORIES,
  HIERARCHY_KINDS,
  LINKING_CODE_CATEGORIES,
  SUPPRESSED_VALUE,
} from '../../../functions/domain/anonymisation/words';
import type { PersonalDataCategory } from '../../../functions/domain/personal-data/category-words';
import type {
  datasetMethodResponse,
  datasetResponse,
  datasetRowsResponse,
  definitionDossierResponse,
  definitionListResponse,
  startRunResponse,
} from '../../../functions/http/contract/anonymisation';
import { FIELD_RULES_JA } from './anonymisation-text';
import type { Language } from './text';

export const DEFINITIONS_PATH = '/v1/staff/anonymisation/definitions';
export const definitionPath = (definitionId: string) => `${DEFINITIONS_PATH}/${encodeURIComponent(definitionId)}`;
export const runPath = (definitionId: string) => `${definitionPath(definitionId)}/datasets`;
export const datasetPath = (datasetId: string) => `/v1/staff/anonymised-datasets/${encodeURIComponent(datasetId)}`;
export const rowsPath = (datasetId: string) => `${datasetPath(datasetId)}/rows`;
export const methodPath = (datasetId: string) => `${datasetPath(datasetId)}/method`;

export type DefinitionListItem = z.output<typeof definitionListResponse>['items'][number];
export type DefinitionDossier = z.output<typeof definitionDossierResponse>;
export type DatasetSummary = DefinitionDossier['datasets'][number];
export type DatasetState = DatasetSummary['state'];
export type DatasetView = z.output<typeof datasetResponse>;
export type DatasetRows = z.output<typeof datasetRowsResponse>;
export type DatasetMethod = z.output<typeof datasetMethodResponse>;
export type RunStarted = z.output<typeof startRunResponse>;

/** The rows a page shows at once: a look, not an export. */
export const ROWS_SHOWN = 50;

/** How long the console waits between two looks at a run still being made. */
export const POLL_MILLISECONDS = 1500;

const DELETE_ONLY: readonly string[] = DELETE_ONLY_CATEGORIES;
const LINKING: readonly string[] = LINKING_CODE_CATEGORIES;

/**
 * The measures a registry item may take: identifying descriptions only deleted (Rules Art. 34(i)),
 * linking codes deleted or replaced (34(iii)), the address deleted or generalised along the address
 * hierarchy; any other item deleted, generalised (34(iv), (v)) or kept.
 */
export function allowedTreatments(category: string): AttributeTreatment[] {
  if (DELETE_ONLY.includes(category)) return ['delete'];
  if (LINKING.includes(category)) return ['delete', 'replace'];
  if (category === ADDRESS_CATEGORY) return ['delete', 'generalise'];
  return ['delete', 'generalise', 'keep'];
}

/** The hierarchies an item may be generalised along: ages only from the date of birth, the address only along its own. */
export function hierarchyKinds(category: string): HierarchyKind[] {
  if (category === 'date-of-birth') return ['age', 'date'];
  if (category === ADDRESS_CATEGORY) return ['address'];
  return ['table', 'interval', 'date', 'postcode'];
}

/** Kinds whose levels are fixed: nothing to enter. */
export const FIXED_KINDS: readonly HierarchyKind[] = ['date', 'address', 'postcode'];

export interface AttributeForm {
  /** '' leaves the item out. */
  treatment: AttributeTreatment | '';
  kind: HierarchyKind;
  bands: string;
  topCodeAt: string;
  widths: string;
  bottomCodeAt: string;
  intervalTopCodeAt: string;
  table: string;
  sensitive: boolean;
}

export interface DefinitionForm {
  definitionId: string;
  titleJa: string;
  titleEn: string;
  purposes: string[];
  attributes: Record<string, AttributeForm>;
  k: string;
  l: string;
  maxSuppressionPercent: string;
  specialCareReason: string;
  readers: string[];
}

export const emptyAttribute = (category: string): AttributeForm => ({
  treatment: '',
  kind: hierarchyKinds(category)[0]!,
  bands: '5, 10',
  topCodeAt: '90',
  widths: '',
  bottomCodeAt: '',
  intervalTopCodeAt: '',
  table: '',
  sensitive: false,
});

export const emptyDefinitionForm = (): DefinitionForm => ({
  definitionId: '',
  titleJa: '',
  titleEn: '',
  purposes: [],
  attributes: {},
  k: String(DEFAULT_K),
  l: '',
  maxSuppressionPercent: String(DEFAULT_MAX_SUPPRESSION * 100),
  specialCareReason: '',
  readers: [],
});

/** A number typed in a field; text that is not one is sent as it is, so the API names the field. */
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : trimmed;
}

/** "5, 10、20" → [5, 10, 20]. */
export function numberList(text: string): (number | string)[] {
  return text
    .split(/[,、\s]+/)
    .filter(Boolean)
    .map(numberOf);
}

/** The table hierarchy's lines "value > level 1 > level 2" → { value: [level 1, level 2] }; blank lines skipped. */
export function tableLevels(text: string): Record<string, string[]> {
  const levels: Record<string, string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    const [value, ...up] = line.split(/[>＞]/).map((part) => part.trim());
    if (value) levels[value] = up.filter(Boolean);
  }
  return levels;
}

function hierarchyOf(form: AttributeForm): Hierarchy | Record<string, unknown> {
  switch (form.kind) {
    case 'age':
      return {
        kind: 'age',
        bands: numberList(form.bands),
        ...(form.topCodeAt.trim() ? { topCodeAt: numberOf(form.topCodeAt) } : {}),
      };
    case 'interval':
      return {
        kind: 'interval',
        widths: numberList(form.widths),
        ...(form.bottomCodeAt.trim() ? { bottomCodeAt: numberOf(form.bottomCodeAt) } : {}),
        ...(form.intervalTopCodeAt.trim() ? { topCodeAt: numberOf(form.intervalTopCodeAt) } : {}),
      };
    case 'table':
      return { kind: 'table', levels: tableLevels(form.table) };
    default:
      return { kind: form.kind };
  }
}

/**
 * The body of a new definition, and the category each sent attribute stands for (the API names an
 * attribute by its place in the list). Items are sent in the registry's order.
 */
export function definitionBody(
  form: DefinitionForm,
  categories: readonly { id: string }[],
): { body: Record<string, unknown>; attributeCategories: string[] } {
  const chosen = categories.filter((c) => form.attributes[c.id]?.treatment);
  const attributes = chosen.map((c) => {
    const a = form.attributes[c.id]!;
    return {
      category: c.id,
      treatment: a.treatment,
      ...(a.treatment === 'generalise' ? { hierarchy: hierarchyOf(a) } : {}),
      ...(a.treatment === 'keep' && a.sensitive ? { sensitive: true } : {}),
    };
  });
  const share = form.maxSuppressionPercent.trim();
  const percent = numberOf(share);
  const body = {
    definitionId: form.definitionId.trim(),
    title: { ja: form.titleJa, en: form.titleEn },
    purposes: form.purposes,
    attributes,
    model: {
      k: numberOf(form.k),
      ...(form.l.trim() ? { l: numberOf(form.l) } : {}),
      ...(share ? { maxSuppression: typeof percent === 'number' ? Math.round(percent * 100) / 10_000 : percent } : {}),
    },
    ...(form.specialCareReason.trim() ? { specialCareReason: form.specialCareReason.trim() } : {}),
    readers: form.readers,
  };
  return { body, attributeCategories: chosen.map((c) => c.id) };
}

/** Whether the form draws on any special care-required item, so it asks why. */
export function usesSpecialCare(form: DefinitionForm, categories: readonly PersonalDataCategory[]): boolean {
  return categories.some((c) => c.kind === 'special-care' && Boolean(form.attributes[c.id]?.treatment));
}

/** Where a message belongs on the form: a field of the definition, or one item's measure, hierarchy or sensitivity. */
export type FormField =
  | 'definitionId'
  | 'title'
  | 'purposes'
  | 'attributes'
  | 'k'
  | 'l'
  | 'maxSuppression'
  | 'specialCareReason'
  | 'readers'
  | `${string}:treatment`
  | `${string}:category`
  | `${string}:hierarchy`
  | `${string}:sensitive`;

/** The form field an API error names (`body.attributes.2.hierarchy.bands` → the third item's hierarchy); undefined when none. */
export function formFieldOf(field: string, attributeCategories: readonly string[]): FormField | undefined {
  const path = field.replace(/^body\./, '').split('.');
  const [head, second, third] = path;
  switch (head) {
    case 'definitionId':
    case 'purposes':
    case 'specialCareReason':
    case 'readers':
      return head;
    case 'title':
      return 'title';
    case 'model':
      return second === 'k' || second === 'l' || second === 'maxSuppression' ? second : undefined;
    case 'attributes': {
      const category = second === undefined ? undefined : attributeCategories[Number(second)];
      if (!category) return 'attributes';
      if (third === 'hierarchy') return `${category}:hierarchy`;
      if (third === 'sensitive') return `${category}:sensitive`;
      if (third === 'category') return `${category}:category`;
      return `${category}:treatment`;
    }
    default:
      return undefined;
  }
}

/** The rule a field's kind stands for, for its Japanese words. */
export function ruleOf(field: FormField): string {
  const at = field.lastIndexOf(':');
  return at < 0 ? field : field.slice(at + 1);
}

/** Kana and kanji: a message already in Japanese is shown as it is. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A field's messages in the page's language: in Japanese the field's rule where the API wrote English. */
export function fieldWords(field: FormField, messages: readonly string[] | undefined, language: Language) {
  if (!messages?.length) return undefined;
  const said = messages.map((m) =>
    language === 'en' || JAPANESE.test(m) ? m : FIELD_RULES_JA[ruleOf(field) as keyof typeof FIELD_RULES_JA],
  );
  return [...new Set(said.filter(Boolean))];
}

/** A problem's field errors placed on the form; `general` when one names no field of it. */
export function placeDefinitionProblem(
  errors: readonly { field: string; message: string }[],
  attributeCategories: readonly string[],
): { byField: Partial<Record<FormField, string[]>>; general: boolean } {
  const byField: Partial<Record<FormField, string[]>> = {};
  let general = false;
  for (const error of errors) {
    const field = formFieldOf(error.field, attributeCategories);
    if (field) (byField[field] ??= []).push(error.message);
    else general = true;
  }
  return { byField, general };
}

/** A share (0.05) as a percentage in the page's language: "5%", "0.8%". */
export function percent(share: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.1 ? 2 : 1,
  }).format(share);
}

/** A count in the page's language. */
export const count = (n: number, language: Language) => n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');

/**
 * What a hierarchy's level shows, in words: level 0 the value itself, then each generalisation, and
 * past the last the item suppressed for the whole dataset.
 */
export function levelWords(hierarchy: Hierarchy | undefined, level: number, language: Language): string {
  if (!hierarchy) return HIERARCHY_KINDS.table.levels[language][0];
  const words = HIERARCHY_KINDS[hierarchy.kind].levels[language] as readonly string[];
  const suppressed =
    language === 'ja' ? `すべて抑制（${SUPPRESSED_VALUE}）` : `suppressed entirely (${SUPPRESSED_VALUE})`;
  switch (hierarchy.kind) {
    case 'age':
      if (level === 0) return words[0]!;
      return level <= hierarchy.bands.length
        ? words[1]!.replace('{band}', String(hierarchy.bands[level - 1]))
        : suppressed;
    case 'interval':
      if (level === 0) return words[0]!;
      return level <= hierarchy.widths.length
        ? words[1]!.replace('{width}', String(hierarchy.widths[level - 1]))
        : suppressed;
    case 'table': {
      const depth = Math.max(0, ...Object.values(hierarchy.levels).map((l) => l.length));
      if (level === 0) return words[0]!;
      return level <= depth ? words[1]!.replace('{level}', String(level)) : suppressed;
    }
    default:
      return level < words.length ? words[level]! : suppressed;
  }
}
