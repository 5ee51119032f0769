// What a dataset definition must be, beyond its shape (definition.ts): the registry categories it may
// draw on and what it may do with each (Enforcement Rules Art. 34), the purposes it serves, and a
// privacy model the search can meet. Every problem is named at its field, all at once.
import { DeskProblem, type ProblemField } from '../kernel/problems';
import { categoryById, isSpecialCare } from '../personal-data/categories';
import type { DatasetDefinition, Hierarchy } from './definition';
import { levelCount } from './hierarchies';
import {
  ADDRESS_CATEGORY,
  DELETE_ONLY_CATEGORIES,
  LINKING_CODE_CATEGORIES,
  MAX_LATTICE_NODES,
  SUPPRESSED_VALUE,
} from './words';

/**
 * My Number (the Individual Number) may be used only for the affairs the My Number Act lists (Art. 9,
 * 19): it is never an input, whatever id a definition gives it.
 */
const MY_NUMBER_ID =
  /(^|[-_ ])(my[-_ ]?number|individual[-_ ]?number|kojin[-_ ]?bango)($|[-_ ])|マイナンバー|個人番号/i;

const DATE_OF_BIRTH = 'date-of-birth';

/** Whole multiples, allowing for the float error of widths like 0.1. */
const isMultiple = (wider: number, narrower: number) => {
  const ratio = wider / narrower;
  return ratio >= 1 && Math.abs(ratio - Math.round(ratio)) < 1e-9;
};

function hierarchyProblems(category: string, hierarchy: Hierarchy, at: string): ProblemField[] {
  const errors: ProblemField[] = [];
  if (category === ADDRESS_CATEGORY && hierarchy.kind !== 'address')
    errors.push({
      field: `${at}.kind`,
      message: 'an address is generalised only to municipality, prefecture and region (the address hierarchy)',
    });
  if (hierarchy.kind === 'age' && category !== DATE_OF_BIRTH)
    errors.push({ field: `${at}.kind`, message: 'an age is counted from a date of birth only' });
  if (hierarchy.kind === 'age' || hierarchy.kind === 'interval') {
    const [list, name] = hierarchy.kind === 'age' ? [hierarchy.bands, 'bands'] : [hierarchy.widths, 'widths'];
    list.forEach((width, i) => {
      if (i > 0 && !isMultiple(width, list[i - 1]!))
        errors.push({
          field: `${at}.${name}.${i}`,
          message: `must be a whole multiple of the one before (${list[i - 1]}), so each level groups whole bands of the one below`,
        });
    });
  }
  if (
    hierarchy.kind === 'interval' &&
    hierarchy.bottomCodeAt !== undefined &&
    hierarchy.topCodeAt !== undefined &&
    hierarchy.bottomCodeAt >= hierarchy.topCodeAt
  )
    errors.push({ field: `${at}.topCodeAt`, message: 'must be above the value bottom coding starts at' });
  if (hierarchy.kind === 'table') {
    const rows = Object.entries(hierarchy.levels);
    const depth = rows[0]?.[1].length ?? 0;
    const uneven = rows.find(([, levels]) => levels.length !== depth);
    const starred = rows.find(([value, levels]) => [value, ...levels].some((v) => v.trim() === SUPPRESSED_VALUE));
    if (starred)
      errors.push({
        field: `${at}.levels.${starred[0]}`,
        message: `"${SUPPRESSED_VALUE}" is what a suppressed value shows: give the value and its generalisations other names`,
      });
    if (uneven)
      errors.push({
        field: `${at}.levels`,
        message: `every value needs the same number of generalisations: "${rows[0]![0]}" has ${depth}, "${uneven[0]}" has ${uneven[1].length}`,
      });
    else {
      // Each level must be a function of the one below: one generalisation cannot have two parents.
      for (let level = 0; level + 1 < depth; level += 1) {
        const parent = new Map<string, string>();
        for (const [value, levels] of rows) {
          const seen = parent.get(levels[level]!);
          if (seen !== undefined && seen !== levels[level + 1]) {
            errors.push({
              field: `${at}.levels.${value}`,
              message: `"${levels[level]}" is generalised to both "${seen}" and "${levels[level + 1]}": each generalisation has one above it`,
            });
            break;
          }
          parent.set(levels[level]!, levels[level + 1]!);
        }
      }
    }
  }
  return errors;
}

/** Every problem of a definition, each at its field (`body.attributes.1.category`). */
export function definitionProblems(
  definition: DatasetDefinition,
  knownPurposeIds: ReadonlySet<string>,
): ProblemField[] {
  const errors: ProblemField[] = [];
  definition.purposes.forEach((purpose, i) => {
    if (!knownPurposeIds.has(purpose))
      errors.push({ field: `body.purposes.${i}`, message: `"${purpose}" is not a purpose of use of the registry` });
  });
  const seen = new Set<string>();
  let latticeNodes = 1;
  let quasiIdentifiers = 0;
  let kept = 0;
  let sensitive = 0;
  definition.attributes.forEach((attribute, i) => {
    const at = `body.attributes.${i}`;
    const { category, treatment } = attribute;
    // Counted whatever the category, so an unknown one is not also reported as an empty dataset.
    if (treatment === 'keep') kept += 1;
    if (treatment === 'generalise') quasiIdentifiers += 1;
    if (MY_NUMBER_ID.test(category)) {
      errors.push({
        field: `${at}.category`,
        message: 'My Number (the Individual Number) is never used to make anonymously processed information',
      });
      return;
    }
    if (!categoryById(category)) {
      errors.push({ field: `${at}.category`, message: `"${category}" is not a category of the registry` });
      return;
    }
    if (seen.has(category))
      errors.push({ field: `${at}.category`, message: 'is named already: each category appears once' });
    seen.add(category);
    if (isSpecialCare(category) && definition.specialCareReason === undefined)
      errors.push({
        field: `${at}.category`,
        message: 'is special care-required information: the definition draws on it only when it says why',
      });
    if ((DELETE_ONLY_CATEGORIES as readonly string[]).includes(category) && treatment !== 'delete')
      errors.push({
        field: `${at}.treatment`,
        message: 'describes a specific person or is a code of one: it is deleted (Enforcement Rules Art. 34(i), (ii))',
      });
    if (
      (LINKING_CODE_CATEGORIES as readonly string[]).includes(category) &&
      treatment !== 'delete' &&
      treatment !== 'replace'
    )
      errors.push({
        field: `${at}.treatment`,
        message:
          'links to the original data: it is deleted or replaced by a code that cannot be linked back (Enforcement Rules Art. 34(iii))',
      });
    if (category === ADDRESS_CATEGORY && (treatment === 'keep' || treatment === 'replace'))
      errors.push({
        field: `${at}.treatment`,
        message: 'an address identifies a person: it is deleted or generalised (Enforcement Rules Art. 34(i))',
      });
    if (attribute.hierarchy) {
      errors.push(...hierarchyProblems(category, attribute.hierarchy, `${at}.hierarchy`));
      latticeNodes *= levelCount(attribute.hierarchy);
    }
    if (attribute.sensitive === true) {
      sensitive += 1;
      if (definition.model.l === undefined)
        errors.push({
          field: `${at}.sensitive`,
          message: 'a sensitive attribute is protected by l-diversity: set how many values each class shows',
        });
    }
  });
  if (definition.model.l !== undefined && sensitive === 0)
    errors.push({
      field: 'body.model.l',
      message: 'l-diversity needs a sensitive attribute: mark a kept attribute sensitive, or leave l out',
    });
  if (latticeNodes > MAX_LATTICE_NODES)
    errors.push({
      field: 'body.attributes',
      message: `the generalisations combine into ${latticeNodes} candidate datasets, more than the ${MAX_LATTICE_NODES} searched: generalise fewer attributes or use fewer levels`,
    });
  if (quasiIdentifiers === 0 && kept === 0)
    errors.push({
      field: 'body.attributes',
      message: 'nothing about anyone would be released: generalise or keep at least one attribute',
    });
  return errors;
}

/** Throws DeskProblem('unprocessable') naming every problem of the definition. */
export function checkDefinition(definition: DatasetDefinition, knownPurposeIds: ReadonlySet<string>): void {
  const errors = definitionProblems(definition, knownPurposeIds);
  if (errors.length > 0)
    throw new DeskProblem(
      'unprocessable',
      'Dataset definition cannot be used',
      `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')} Nothing was stored.`,
      errors,
    );
}
