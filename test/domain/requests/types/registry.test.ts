// A request type is one folder under functions/domain/requests/types/ (words, schema, definition) and
// a line in each list below. Every list that must know a type is checked against the folders on disk,
// so a type added without one of its entries fails here, naming the list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { WRITE_TABLES } from '../../../../functions/adapters/desk-writer';
import {
  DEFAULT_FEES,
  FEE_CHARGEABLE_TYPES,
  feeSchedule,
  REQUEST_TYPE_NAMES,
} from '../../../../functions/domain/requests/fees';
import { REQUEST_TYPES, requestType } from '../../../../functions/domain/requests/types/registry';
import { REQUEST_TYPE_SCHEMAS } from '../../../../functions/domain/requests/types/schemas';
import { routeNamed } from '../../../../functions/routes';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const TYPES = join(ROOT, 'functions/domain/requests/types');

/** The folders holding a definition: one per request type (cessation-shared holds what two types share). */
const folders = readdirSync(TYPES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(TYPES, entry.name, 'definition.ts')))
  .map((entry) => entry.name)
  .sort();

const importsOf = (file: string) =>
  ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

describe('the request types on disk', () => {
  it('are the six the Act gives the person, each in its own folder', () => {
    expect(folders).toEqual([
      'cessation-of-provision',
      'cessation-of-use',
      'complaint',
      'correction',
      'disclosure',
      'purpose-notification',
    ]);
  });

  it.each(folders)('%s: its definition is named after its folder', async (folder) => {
    const module = (await import(join(TYPES, folder, 'definition.ts'))) as Record<string, unknown>;
    const definitions = Object.values(module).filter(
      (value): value is { type: string } =>
        typeof value === 'object' && value !== null && 'fulfil' in value && 'type' in value,
    );
    expect(definitions.map((d) => d.type)).toEqual([folder]);
  });

  it.each(folders)('%s: its words are a leaf the web apps can bundle (no imports, not even types)', (folder) => {
    expect(importsOf(join(TYPES, folder, 'words.ts'))).toEqual([]);
  });

  it.each(folders)('%s: its schema imports no fulfilment code, ports or adapters', (folder) => {
    const imports = importsOf(join(TYPES, folder, 'schema.ts'));
    expect(
      imports.filter((specifier) =>
        /definition|rules|ports|adapters|held-for-request|notifications|dossier/.test(specifier),
      ),
    ).toEqual([]);
  });
});

describe('every list that must name a request type names each folder', () => {
  it('the registry (types/registry.ts)', () => {
    expect(REQUEST_TYPES.map((t) => t.type).sort()).toEqual(folders);
  });

  it('the schemas list the contract is built from (types/schemas.ts), in the registry order and with the same schemas', () => {
    expect(REQUEST_TYPE_SCHEMAS.map((t) => t.type)).toEqual(REQUEST_TYPES.map((t) => t.type));
    for (const schema of REQUEST_TYPE_SCHEMAS) {
      const definition = requestType(schema.type)!;
      expect(definition.details, schema.type).toBe(schema.details);
      expect(definition.label, schema.type).toBe(schema.label);
      expect(definition.outcomes, schema.type).toBe(schema.outcomes);
      expect(definition.refusalGrounds, schema.type).toBe(schema.refusalGrounds);
      expect(definition.decisionDetails, schema.type).toBe(schema.decisionDetails);
    }
  });

  it('the type names (fees.ts REQUEST_TYPE_NAMES)', () => {
    expect([...REQUEST_TYPE_NAMES].sort()).toEqual(folders);
  });

  it('the fee table: each type is free by default and has a fee decision, chargeable or not (APPI Art. 38(1))', () => {
    for (const type of folders) {
      expect(Object.hasOwn(DEFAULT_FEES, type), `DEFAULT_FEES lacks ${type}`).toBe(true);
      expect(Object.hasOwn(feeSchedule({}), type), `feeSchedule lacks ${type}`).toBe(true);
    }
    for (const type of FEE_CHARGEABLE_TYPES) expect(folders).toContain(type);
  });

  it.each(folders)('%s: the desk writer knows the table of every kind of write its fulfilment makes', (folder) => {
    for (const kind of requestType(folder)?.writes ?? [])
      expect(Object.keys(WRITE_TABLES), `${folder} writes ${kind}`).toContain(kind);
  });

  it.each(folders)('%s: the decide-request route may write every table its fulfilment writes', (folder) => {
    const grants = routeNamed('decide-request').tables as Record<string, string | undefined>;
    // Every decision writes the request and the e-mail that reports it, besides what the type writes.
    const kinds = ['request', 'outbox', ...(requestType(folder)?.writes ?? [])] as const;
    for (const kind of kinds) {
      const table = WRITE_TABLES[kind];
      expect(
        ['write', 'read-write'],
        `${folder} writes ${kind} to ${table}; decide-request has ${grants[table] ?? 'no grant'}`,
      ).toContain(grants[table]);
    }
  });
});
