// The manifest and the handlers: every route has its handler and every handler its route; each handler
// imports its own route definition, never the manifest, so a function bundles only its own route and
// its capability's schemas.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../functions/http/route-definition';
import { gatedBySafeguards } from '../functions/http/safeguards-routes';
import { ROUTES } from '../functions/routes';
import { WORKERS } from '../functions/workers';
import { LAMBDA_BUNDLING } from '../lib/lambda-bundling';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HANDLERS = join(ROOT, 'functions/handlers');
const ROUTE_MODULES = join(ROOT, 'functions/routes');
/** Cognito triggers of the staff pool: handlers that are neither routes nor workers. */
const STAFF_POOL_TRIGGERS = ['staff-pre-authentication', 'staff-post-confirmation'];

const source = (file: string) => readFileSync(file, 'utf8');
const handlerFile = (name: string) => join(HANDLERS, `${name}.ts`);

/** The repository files a module imports at run time (type-only imports left out), resolved. */
function valueImports(file: string): string[] {
  const specifiers = [...source(file).matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)';/gms)].map(
    (m) => m[1]!,
  );
  return specifiers.map((specifier) => {
    const base = resolve(dirname(file), specifier);
    return [`${base}.ts`, join(base, 'index.ts'), base].find(existsSync) ?? base;
  });
}

/** Every repository module a handler loads, following value imports. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const next of valueImports(queue.shift()!)) {
      if (seen.has(next) || !next.startsWith(ROOT)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

/** Each route definition exported by functions/routes/<capability>.ts, with where it is exported from. */
async function definitionsByModule() {
  const found: Array<{ module: string; exportName: string; route: RouteDefinition }> = [];
  for (const file of readdirSync(ROUTE_MODULES).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(join(ROUTE_MODULES, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'path' in value && 'auth' in value) {
        found.push({ module: file.replace(/\.ts$/, ''), exportName, route: value as RouteDefinition });
      }
    }
  }
  return found;
}

/** The deployed copy of a route handling personal data: the same definition, its tables with the gate's read added. */
const isGatedCopy = (deployed: RouteDefinition, defined: RouteDefinition) =>
  gatedBySafeguards(defined) &&
  deployed !== defined &&
  Object.keys({ ...deployed, ...defined }).every(
    (k) => k === 'tables' || deployed[k as keyof RouteDefinition] === defined[k as keyof RouteDefinition],
  ) &&
  JSON.stringify(deployed.tables) === JSON.stringify({ ...defined.tables, safeguards: 'read' });

describe('the route manifest and the handlers', () => {
  it('has a handler file for every route, and a route or worker for every handler file', () => {
    expect(ROUTES.filter((r) => !existsSync(handlerFile(r.name))).map((r) => r.name)).toEqual([]);
    const known = new Set([...ROUTES.map((r) => r.name), ...WORKERS.map((w) => w.name), ...STAFF_POOL_TRIGGERS]);
    const handlers = readdirSync(HANDLERS)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(handlers.filter((h) => !known.has(h))).toEqual([]);
    const routeNames = new Set(ROUTES.map((r) => r.name));
    expect(handlers.filter((h) => source(handlerFile(h)).includes('httpRoute(') !== routeNames.has(h))).toEqual([]);
  });

  it('collects every route defined under functions/routes/ exactly once, and nothing else', async () => {
    const defined = await definitionsByModule();
    expect(defined.map((d) => d.route.name).sort()).toEqual(ROUTES.map((r) => r.name).sort());
    // The manifest holds each definition itself, or (a route handling personal data) the definition with
    // the safeguards gate's read added (functions/http/safeguards-routes.ts) and nothing else changed.
    for (const { route } of defined)
      expect(
        ROUTES.filter((r) => r === route || isGatedCopy(r, route)),
        route.name,
      ).toHaveLength(1);
  });

  it("has each route handler import its own definition from its capability's module, and serve it", async () => {
    const defined = await definitionsByModule();
    for (const route of ROUTES) {
      const text = source(handlerFile(route.name));
      const imported = /^import \{ (\w+) as route \} from '\.\.\/routes\/([\w-]+)';$/m.exec(text);
      expect(
        imported,
        `${route.name} imports { <its definition> as route } from '../routes/<capability>'`,
      ).not.toBeNull();
      const [, exportName, module] = imported!;
      expect(defined.find((d) => d.module === module && d.exportName === exportName)?.route.name, route.name).toBe(
        route.name,
      );
      expect(text, route.name).toMatch(/httpRoute\(route, /);
    }
  });

  it('keeps the manifest out of every function: no handler loads it, or a routes module other than its own', async () => {
    const defined = await definitionsByModule();
    for (const route of ROUTES) {
      const loaded = closure(handlerFile(route.name));
      const own = `functions/routes/${defined.find((d) => d.route.name === route.name)!.module}.ts`;
      const routeModules = [...loaded].filter((f) => f === 'functions/routes.ts' || f.startsWith('functions/routes/'));
      // The OpenAPI document describes every route: its handler alone loads the manifest.
      const expected = route.name === 'get-openapi' ? expect.arrayContaining([own, 'functions/routes.ts']) : [own];
      expect(routeModules, route.name).toEqual(expected);
      expect(loaded.has('functions/http/contract.ts'), `${route.name} loads the whole contract`).toBe(false);
      expect(source(handlerFile(route.name)), route.name).not.toContain('routeNamed');
    }
  });

  it('keeps http/ below the manifest: no module there imports a route, the manifest or the OpenAPI builder', () => {
    const http = join(ROOT, 'functions/http');
    const files = readdirSync(http, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(http, f));
    for (const file of files) {
      const upward = [...source(file).matchAll(/from '([^']+)'/g)]
        .map((m) => resolve(dirname(file), m[1]!))
        .filter(
          (target) =>
            target.startsWith(ROUTE_MODULES) ||
            target === join(ROOT, 'functions/routes') ||
            target === join(ROOT, 'functions/openapi'),
        );
      expect(
        upward.map((t) => relative(ROOT, t)),
        relative(ROOT, file),
      ).toEqual([]);
    }
  });

  it("bundles a route with its own capability's route and contract modules only (esbuild, as deployed)", async () => {
    const { metafile } = await build({
      ...LAMBDA_BUNDLING,
      sourcemap: false,
      entryPoints: [handlerFile('list-purposes')],
      outfile: 'out.mjs',
      write: false,
      metafile: true,
      logLevel: 'error',
      absWorkingDir: ROOT,
    });
    const inputs = Object.keys(metafile.outputs['out.mjs']!.inputs)
      .filter((f) => /^functions\/(routes|http\/contract)/.test(f))
      .sort();
    expect(inputs).toEqual([
      'functions/http/contract/common.ts',
      'functions/http/contract/purposes.ts',
      'functions/routes/purposes.ts',
    ]);
  });
});
