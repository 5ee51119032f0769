// Synthesises the desk the way `cdk synth` does (cdk.json context and feature flags), with overrides.
// Bundling is skipped, since template assertions and the cdk-nag packs do not look inside function
// code, and CDK's built-in CloudFormation validation is left to `cdk synth`: together they are most
// of the synthesis time. The plain desk is synthesised once per worker and shared by its files (the
// infra tests run without isolation, see vitest.config.ts): the assertions only read it. A few desk
// functions can be bundled on their own, exactly as the desk bundles each of them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { buildApp, type DeskApp } from '../../lib/app';
import type { DeskTables } from '../../lib/data';
import { DeskFunction } from '../../lib/functions';
import { SECOND_COMPANY } from '../support/company';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

type Json = Record<string, any>;

export interface SynthesisedDesk extends DeskApp {
  /**
   * The desk's stack and every stack nested in it as one template: each nested stack's resources
   * beside the desk's, a parameter or output passed between stacks replaced by the value it carries.
   * So an assertion reads every stack, and a reference reads as it would within one stack.
   */
  template: Template;
  /** Each stack's own template as deployed: the desk's stack first, then the nested ones. */
  templates: ReadonlyMap<Stack, Template>;
  /** The logical id of a construct's CloudFormation resource, in its own stack (and so in `template`). */
  logicalId(construct: IConstruct): string;
}

let plain: SynthesisedDesk | undefined;
let configured: SynthesisedDesk | undefined;

export function synthDesk(context: Record<string, unknown> = {}): SynthesisedDesk {
  if (Object.keys(context).length === 0) return (plain ??= synthesise(context));
  return synthesise(context);
}

/**
 * A value other than the default for each optional setting the infra tests try. The settings touch
 * different resources (the WAF, the monitor, the staff pool and its triggers, the access-log digest
 * and retention, every function's company), so one desk given them all serves every file's test of one of them.
 */
export const CONFIGURED_CONTEXT = {
  staffAllowedCidrs: '203.0.113.0/24, 198.51.100.7/32,2001:db8::/32',
  monitorMaxSubjectsPerHour: 50,
  passwordMaxAgeDays: 60,
  staffSignInDomainPrefix: 'acme-privacy-desk',
  accessLogDigestMinutes: 15,
  accessLogRetentionDays: 3650,
  // A second company, so the synthesis (and cdk-nag on it) is shown not to depend on the demo's.
  company: SECOND_COMPANY,
} as const;

/** The desk with CONFIGURED_CONTEXT, synthesised once per worker and shared like the plain desk. */
export function synthConfiguredDesk(): SynthesisedDesk {
  return (configured ??= synthesise(CONFIGURED_CONTEXT));
}

function synthesise(context: Record<string, unknown>): SynthesisedDesk {
  const desk = buildApp(
    { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
    { builtinCloudFormationValidation: false },
  );
  const stacks = desk.stack.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  const templates = new Map(stacks.map((stack) => [stack, Template.fromStack(stack)] as const));
  const logicalId = (construct: IConstruct) => {
    const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
    if (!element || !CfnElement.isCfnElement(element))
      throw new Error(`${construct.node.path} has no CloudFormation resource`);
    return Stack.of(element).getLogicalId(element);
  };
  return {
    ...desk,
    template: Template.fromJSON(mergedTemplate(desk.stack, templates, logicalId)),
    templates,
    logicalId,
  };
}

/** The root stack's template with its nested stacks' resources merged in, references passed between them resolved. */
function mergedTemplate(
  root: Stack,
  templates: ReadonlyMap<Stack, Template>,
  logicalId: (c: IConstruct) => string,
): Json {
  const json = new Map([...templates].map(([stack, template]) => [stack, template.toJSON()]));
  /** Per stack, its nested stacks by the logical id of their AWS::CloudFormation::Stack resource. */
  const nestedById = new Map<Stack, Map<string, Stack>>();
  for (const stack of templates.keys()) {
    const parent = stack.nestedStackParent;
    if (!parent || !stack.nestedStackResource) continue;
    const children = nestedById.get(parent) ?? new Map<string, Stack>();
    children.set(logicalId(stack.nestedStackResource), stack);
    nestedById.set(parent, children);
  }

  /** A value of `stack`'s template, with its parameters and its nested stacks' outputs replaced by what they carry. */
  const resolveIn = (stack: Stack, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => resolveIn(stack, v));
    if (!value || typeof value !== 'object') return value;
    const obj = value as Json;
    const keys = Object.keys(obj);
    if (
      keys.length === 1 &&
      typeof obj.Ref === 'string' &&
      stack.nestedStackParent &&
      json.get(stack)!.Parameters?.[obj.Ref]
    ) {
      const parent = stack.nestedStackParent;
      const passed = json.get(parent)!.Resources[logicalId(stack.nestedStackResource!)].Properties.Parameters[obj.Ref];
      return resolveIn(parent, passed);
    }
    if (keys.length === 1 && Array.isArray(obj['Fn::GetAtt'])) {
      const [id, attribute] = obj['Fn::GetAtt'] as [string, string];
      const nested = nestedById.get(stack)?.get(id);
      if (nested && attribute.startsWith('Outputs.'))
        return resolveIn(nested, json.get(nested)!.Outputs[attribute.slice('Outputs.'.length)].Value);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveIn(stack, v)]));
  };

  const rootJson = json.get(root)!;
  const resources: Json = { ...rootJson.Resources };
  for (const [stack, template] of json) {
    if (stack === root) continue;
    for (const [id, resource] of Object.entries(template.Resources as Json)) {
      if (resources[id])
        throw new Error(
          `Logical id ${id} of ${stack.node.path} is also in another stack: the merged template cannot tell them apart`,
        );
      resources[id] = resolveIn(stack, resource);
    }
  }
  return { ...rootJson, Resources: resources };
}

export interface BundledFunction {
  /** The function's resource as synthesised. */
  properties: Json;
  /** The directory of its code asset in the cloud assembly: what is zipped and deployed. */
  assetDirectory: string;
}

/**
 * Desk functions of the named handlers bundled as the desk bundles every function (each a
 * DeskFunction, with cdk.json's context), alone in a stack of their own: esbuild runs for these
 * only, where the whole desk would run it some seventy times. No table is granted, since grants do
 * not change the code.
 */
export function bundleDeskFunctions(names: readonly string[]): Map<string, BundledFunction> {
  const app = new App({ context: cdkJson.context, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Bundled', { env: { region: String(cdkJson.context.region ?? 'ap-northeast-1') } });
  const logGroup = new logs.LogGroup(stack, 'Logs');
  const functions = names.map(
    (name) =>
      [
        name,
        new DeskFunction(stack, name, {
          name,
          tables: {},
          deskTables: {} as DeskTables,
          logGroup,
          timeout: Duration.seconds(5),
        }),
      ] as const,
  );
  const assembly = app.synth();
  const resources = Template.fromStack(stack).toJSON().Resources as Json;
  return new Map(
    functions.map(([name, desk]) => {
      const properties = resources[stack.getLogicalId(desk.fn.node.defaultChild as CfnElement)].Properties;
      const hash = String(properties.Code.S3Key).replace(/\.zip$/, '');
      return [name, { properties, assetDirectory: join(assembly.directory, `asset.${hash}`) }];
    }),
  );
}
