// The app as `cdk synth` builds it, every function bundled, checked by the AWS Solutions and
// NIST 800-53 R5 packs: any finding not acknowledged with a reason fails, errors and warnings alike.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { nagPacks } from '../../lib/app';
import { PrivacyCenter } from '../../lib/privacy-center';
import { synthDesk, type SynthesisedDesk } from './synth';

let desk: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk({}, { bundle: true });
}, 600_000);

function findings(scope: App): string[] {
  return nagPacks().flatMap((pack) =>
    pack.validateScope(scope).violations.flatMap((v) =>
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
});

describe('bundling', () => {
  it('bundles every function as an ES module with its source map', () => {
    const assembly = desk.app.synth();
    // CDK's own deployment function for the Privacy Center is Python, bundled by CDK.
    const functions = Object.entries(desk.template.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !PrivacyCenter.isDeploymentFunction(id)).map(([, fn]) => fn);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = join(assembly.directory, `asset.${hash}`);
      expect(existsSync(join(dir, 'index.mjs.map')), dir).toBe(true);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8').startsWith('import { createRequire }')).toBe(true);
      expect(fn.Properties.Handler).toBe('index.handler');
    }
  });
});
