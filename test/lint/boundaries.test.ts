// The import boundaries between the layers (biome.jsonc, lint/web-imports.grit) fire where they should
// and stay quiet on the imports the layers are meant to make. Each probe is a small file written into a
// scratch copy of the configuration, at the path whose rules it tests, and linted in one Biome run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

const RESTRICTED = 'lint/style/noRestrictedImports';
const WEB_IMPORTS = 'plugin';
type Boundary = typeof RESTRICTED | typeof WEB_IMPORTS;

interface Probe {
  readonly file: string;
  readonly source: string;
  /** The boundary rule that must fire, or null when the imports are allowed. */
  readonly fires: Boundary | null;
}

const PROBES: readonly Probe[] = [
  // The domain: pure policy.
  {
    file: 'functions/domain/p-adapter.ts',
    source: "import { TABLES } from '../adapters/tables';\nexport const t = TABLES;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-adapter-index.ts',
    source: "import * as adapters from '../adapters';\nexport const a = adapters;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/requests/p-handler.ts',
    source: "import { handler } from '../../handlers/submit-request';\nexport const h = handler;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-http.ts',
    source: "import type { SubmitRequest } from '../http/contract';\nexport type S = SubmitRequest;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/requests/p-lib.ts',
    source: "import { ROUTES } from '../../../lib/api';\nexport const r = ROUTES;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-local.ts',
    source: "import { seed } from '../../local/seed';\nexport const s = seed;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-sdk.ts',
    source: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-lambda.ts',
    source: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport type E = APIGatewayProxyEvent;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/p-middy.ts',
    source: "import middy from '@middy/core';\nexport const m = middy;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/domain/requests/p-clean.ts',
    source:
      "import { randomUUID } from 'node:crypto';\nimport { z } from 'zod';\nimport { addDeskDays } from '../calendar';\nimport type { RequestStore } from '../ports';\nimport { localThing } from './local-thing';\nexport const all = [randomUUID, z, addDeskDays, localThing];\nexport type P = RequestStore;",
    fires: null,
  },
  // Adapters implement the domain's ports.
  {
    file: 'functions/adapters/p-http.ts',
    source: "import { problem } from '../http/problem';\nexport const p = problem;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/adapters/p-handler.ts',
    source: "import { handler } from '../handlers/submit-request';\nexport const h = handler;",
    fires: RESTRICTED,
  },
  {
    file: 'functions/adapters/p-clean.ts',
    source:
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport type { RequestStore } from '../domain/ports';\nexport const c = DynamoDBClient;\nexport type P = RequestStore;",
    fires: null,
  },
  // The HTTP stack above the adapters may use them and the contract freely.
  {
    file: 'functions/handlers/p-clean.ts',
    source:
      "import { submitRequestBody } from '../http/contract';\nimport { TABLES } from '../adapters/tables';\nexport const all = [submitRequestBody, TABLES];",
    fires: null,
  },
  // CDK: handlers only through the manifests.
  {
    file: 'lib/p-handler.ts',
    source: "import { handler } from '../functions/handlers/submit-request';\nexport const h = handler;",
    fires: RESTRICTED,
  },
  {
    file: 'lib/p-clean.ts',
    source:
      "import { ROUTES } from '../functions/routes';\nimport { TABLES } from '../functions/adapters/tables';\nexport const all = [ROUTES, TABLES];",
    fires: null,
  },
  // The browser apps: types and words only.
  {
    file: 'web/src/p-contract.ts',
    source: "import { submitRequestBody } from '../../functions/http/contract';\nexport const b = submitRequestBody;",
    fires: WEB_IMPORTS,
  },
  {
    file: 'web/src/desk/p-inline-type.ts',
    source: "import { type SubmitRequest } from '../../../functions/http/contract';\nexport type S = SubmitRequest;",
    fires: WEB_IMPORTS,
  },
  {
    file: 'web/src/p-domain.ts',
    source: "import { STAFF_ROLES } from '../../functions/domain/staff';\nexport const r = STAFF_ROLES;",
    fires: WEB_IMPORTS,
  },
  {
    file: 'web/src/p-reexport.ts',
    source: "export { STAFF_ROLES } from '../../functions/domain/staff';",
    fires: WEB_IMPORTS,
  },
  {
    file: 'web/src/p-dynamic.ts',
    source: "export const load = () => import('../../functions/domain/staff');",
    fires: WEB_IMPORTS,
  },
  { file: 'web/src/p-side-effect.ts', source: "import '../../functions/domain/staff';", fires: WEB_IMPORTS },
  {
    file: 'web/src/p-manifest.ts',
    source: "import { ROUTES } from '../../functions/routes';\nexport const r = ROUTES;",
    fires: WEB_IMPORTS,
  },
  {
    file: 'web/src/p-lib.ts',
    source: "import type { DeskStack } from '../../lib/stack';\nexport type D = DeskStack;",
    fires: RESTRICTED,
  },
  {
    file: 'web/src/p-adapter-type.ts',
    source: "import type { TableName } from '../../functions/adapters/tables';\nexport type T = TableName;",
    fires: RESTRICTED,
  },
  {
    file: 'web/src/p-sdk.ts',
    source: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;",
    fires: RESTRICTED,
  },
  {
    file: 'web/src/desk/p-clean.ts',
    source:
      "import { render } from 'preact';\nimport type { SubmitRequest } from '../../../functions/http/contract';\nimport type { StaffRole } from '../../../functions/domain/staff';\nimport { DOSSIER_TEXT } from '../../../functions/domain/requests/dossier-text';\nimport { LANGUAGE_NAMES } from '../text';\nexport type { RequestStatus } from '../../../functions/domain/requests/request';\nexport const all = [render, DOSSIER_TEXT, LANGUAGE_NAMES];\nexport type T = SubmitRequest | StaffRole;",
    fires: null,
  },
];

/** One diagnostic line of Biome's GitHub reporter: `::error title=<category>,file=<path>,line=<n>,...::<message>`. */
const DIAGNOSTIC = /^::(error|warning|notice) title=([^,]+),file=([^,]+),line=(\d+)/;

let scratch: string;
let found: Map<string, { severity: string; category: string }[]>;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'appi-desk-boundaries-'));
  cpSync(join(ROOT, 'biome.jsonc'), join(scratch, 'biome.jsonc'));
  cpSync(join(ROOT, 'lint'), join(scratch, 'lint'), { recursive: true });
  for (const probe of PROBES) {
    mkdirSync(dirname(join(scratch, probe.file)), { recursive: true });
    writeFileSync(join(scratch, probe.file), `${probe.source}\n`);
  }
  const run = spawnSync(BIOME, ['lint', '--reporter=github', '--max-diagnostics=none', '.'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  found = new Map();
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const match = DIAGNOSTIC.exec(line);
    if (!match) continue;
    const file = relative(scratch, match[3]!);
    found.set(file, [...(found.get(file) ?? []), { severity: match[1]!, category: match[2]! }]);
  }
  // A broken plugin or configuration reports on every file instead of on the probes: fail loudly.
  expect(run.stderr).not.toMatch(/errored|Error\(s\) during loading|configuration/i);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('import boundaries (biome.jsonc)', () => {
  it.each(PROBES)('$file: $fires', ({ file, fires }) => {
    const boundaries = (found.get(file) ?? []).filter((d) => d.category === RESTRICTED || d.category === WEB_IMPORTS);
    if (fires === null) {
      expect(boundaries).toEqual([]);
    } else {
      expect(boundaries).toContainEqual({ severity: 'error', category: fires });
    }
  });
});

describe('server modules the browser apps import as values', () => {
  // lint/web-imports.grit lets web/ import server code as values only from words modules, by name; this
  // checks what the name promises: the module imports nothing, so the browser build carries no server code.
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.tsx?$/.test(entry.name) ? [path] : [];
    });

  /** The module specifiers a file loads at runtime: every import and re-export but `import type` and `export type`. */
  const valueImportsOf = (file: string): string[] => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const specifiers: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
        specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
        specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteral(argument)) specifiers.push(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return specifiers;
  };

  const allImportsOf = (file: string): string[] =>
    ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

  const serverImports = sources(join(ROOT, 'web', 'src')).flatMap((file) =>
    valueImportsOf(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({ from: relative(ROOT, file), target: resolve(dirname(file), `${specifier}.ts`) }))
      .filter(({ target }) => relative(join(ROOT, 'web'), target).startsWith('..')),
  );

  it('finds the ones the apps import today', () => {
    expect(serverImports.map(({ target }) => relative(ROOT, target))).toContain(
      'functions/domain/requests/types/disclosure/dossier-text.ts',
    );
  });

  it('are leaves: they import nothing, not even types', () => {
    for (const { from, target } of serverImports) {
      expect(existsSync(target), `${from} imports ${relative(ROOT, target)}`).toBe(true);
      expect(allImportsOf(target), `${relative(ROOT, target)}, imported by ${from}`).toEqual([]);
    }
  });
});
