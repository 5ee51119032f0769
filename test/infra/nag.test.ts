// The app as `cdk synth` builds it, checked by the AWS Solutions and NIST 800-53 R5 packs: any
// finding not acknowledged with a reason fails, errors and warnings alike. The packs read resources'
// properties, never function code, so they run on the shared synthesis without bundling (their
// findings and acknowledgments are the same either way); the bundles are checked on two functions
// bundled as every desk function is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { WORKERS } from '../../functions/workers';
import { nagPacks } from '../../lib/app';
import { DeskFunction, HOLDERS_OUTSIDE_AWS } from '../../lib/functions';
import { CREATE_REQUIRE_BANNER } from '../../lib/lambda-bundling';
import { PrivacyCenter } from '../../lib/privacy-center';
import { bundleDeskFunctions, type SynthesisedDesk, synthConfiguredDesk, synthDesk } from './synth';

let desk: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk();
});

function findings(scope: App): string[] {
  return nagPacks().flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`),
      ),
  );
}

describe('cdk-nag', () => {
  it('the packs do report an unacknowledged finding', () => {
    const app = new App();
    new s3.Bucket(new Stack(app, 'Probe'), 'Bare');
    expect(findings(app).length).toBeGreaterThan(0);
  });

  it('the packs walk into nested stacks, where the route functions and workers are', () => {
    const app = new App();
    new s3.Bucket(new NestedStack(new Stack(app, 'Probe'), 'Nested'), 'Bare');
    expect(findings(app).some((finding) => finding.includes('at Probe/Nested/Bare/Resource:'))).toBe(true);
    const nested = [...desk.templates.keys()].filter((stack) => stack.nestedStackParent);
    expect(nested.length).toBeGreaterThan(1);
    for (const stack of nested) expect(stack.node.root, stack.node.path).toBe(desk.app);
  });

  it('leaves no finding of AwsSolutions or NIST 800-53 R5 unacknowledged, in any stack', () => {
    expect(findings(desk.app)).toEqual([]);
  });

  it("a second company's desk (test/support/company.ts) synthesises clean too", () => {
    expect(findings(synthConfiguredDesk().app)).toEqual([]);
  });

  it('the functions that call holders (the callback route, the contact workers) say so where they run outside a VPC', () => {
    const outsideVpc = (name: string) => {
      const [fn] = desk.app.node
        .findAll()
        .filter((c) => c instanceof lambda.Function && c.node.path.endsWith(`/${name}/Function`));
      expect(fn, name).toBeDefined();
      return fn!.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .map((m) => (m.data as Record<string, string>)['Annotation::NIST.800.53.R5-LambdaInsideVPC'])
        .find(Boolean);
    };
    const reaching = [
      ...ROUTES.filter((r) => 'reachesHolders' in r && r.reachesHolders).map((r) => r.name),
      ...WORKERS.filter((w) => 'reachesHolders' in w && w.reachesHolders).map((w) => w.name),
    ];
    expect(reaching).toEqual(
      expect.arrayContaining(['receive-opendsr-callback', 'contact-holders', 'send-fulfilment-tasks']),
    );
    for (const name of reaching) expect(outsideVpc(name), name).toBe(HOLDERS_OUTSIDE_AWS);
    expect(outsideVpc('get-disclosure')).not.toBe(HOLDERS_OUTSIDE_AWS);
  });
});

describe('bundling', () => {
  it('bundles every function as an ES module with its source map', () => {
    // CDK's own deployment function for the Privacy Center is Python, bundled by CDK.
    const functions = Object.entries(desk.template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !PrivacyCenter.isDeploymentFunction(id),
    );
    expect(functions.length).toBeGreaterThan(0);
    for (const [, fn] of functions) expect(fn.Properties.Handler).toBe('index.handler');
    // Every other function is a DeskFunction, so the two bundled below stand for all of them.
    const deskFunctions = desk.app.node.findAll().filter((c): c is DeskFunction => c instanceof DeskFunction);
    expect(deskFunctions.map((f) => desk.logicalId(f.fn)).sort()).toEqual(functions.map(([id]) => id).sort());

    // A route's function and a worker's.
    for (const [name, { properties, assetDirectory }] of bundleDeskFunctions(['submit-request', 'send-outbox'])) {
      expect(properties.Handler, name).toBe('index.handler');
      expect(existsSync(join(assetDirectory, 'index.mjs.map')), assetDirectory).toBe(true);
      const code = readFileSync(join(assetDirectory, 'index.mjs'), 'utf8');
      expect(code.startsWith(`${CREATE_REQUIRE_BANNER}\n`), name).toBe(true);
      expect(code, name).toMatch(/export\s*\{\s*(\w+ as )?handler\s*\}/);
      // Minified: a few long lines.
      expect(code.split('\n').length, name).toBeLessThan(code.length / 1000);
      // The AWS SDK is bundled: the only modules imported are Node's own.
      const imported = [
        ...code.matchAll(/\bimport\s*[\w*{}\s,$]*?\s*from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1] ?? m[2]);
      expect(imported.length, name).toBeGreaterThan(0);
      expect(
        imported.filter((m) => m !== 'module' && !m!.startsWith('node:')),
        name,
      ).toEqual([]);
      // The source map leads back to the handler, and to the SDK's ES-module builds (mainFields module first).
      const sources = (JSON.parse(readFileSync(join(assetDirectory, 'index.mjs.map'), 'utf8')) as { sources: string[] })
        .sources;
      expect(
        sources.some((s) => s.endsWith(`functions/handlers/${name}.ts`)),
        name,
      ).toBe(true);
      expect(
        sources.some((s) => /node_modules\/@aws-sdk\/[^/]+\/dist-es\//.test(s)),
        name,
      ).toBe(true);
      expect(
        sources.filter((s) => /node_modules\/@aws-sdk\/.*\/dist-cjs\//.test(s)),
        name,
      ).toEqual([]);
      // Credentials from the environment only: none of the default chain's other providers is bundled.
      expect(
        sources.some((s) => s.endsWith('functions/adapters/lambda-credentials.ts')),
        name,
      ).toBe(true);
      expect(
        sources.filter((s) => /node_modules\/@aws-sdk\/(credential-provider-(?!env\/)|nested-clients)/.test(s)),
        name,
      ).toEqual([]);
    }
  }, 120_000);
});
