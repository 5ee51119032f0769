// Bundles each function as the deployment does, and says what its bytes are made of.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMetafile, type BuildOptions, build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLING } from '../lib/lambda-bundling';

export interface BundledFunction {
  name: string;
  /** The bundle to import, like the index.mjs of a CDK asset. */
  file: string;
  bytes: number;
  /** Bytes in the bundle per npm package ("(desk)" for our own code), heaviest first. */
  packages: Array<{ name: string; bytes: number }>;
}

/** The package a bundled input belongs to: the part after its last node_modules/. */
function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return '(desk)';
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? input);
}

function packageWeights(metafile: Metafile): BundledFunction['packages'] {
  // One entry point, so one JavaScript output; the other output is its source map.
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
  const weights = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    weights.set(packageOf(input), (weights.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return [...weights].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Bundles `entry` into `<outDir>/<name>/index.mjs`, next to its metafile and esbuild's analysis of it,
 * with the deployment's options unless `options` says otherwise.
 */
export async function bundleFunction(
  name: string,
  entry: string,
  outDir: string,
  options: BuildOptions = LAMBDA_BUNDLING,
): Promise<BundledFunction> {
  const dir = join(outDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const { metafile } = await build({
    ...options,
    entryPoints: [entry],
    outfile: file,
    metafile: true,
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(metafile));
  writeFileSync(join(dir, 'analysis.txt'), await analyzeMetafile(metafile, { verbose: false }));
  return { name, file, bytes: statSync(file).size, packages: packageWeights(metafile) };
}

/** The child-process runner: unminified, no dependencies, so it costs nothing to load. */
export async function bundleRunner(outDir: string): Promise<string> {
  const file = join(outDir, 'runner.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./runner.ts', import.meta.url))],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
  });
  return file;
}
