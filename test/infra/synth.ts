// Synthesises the desk the way `cdk synth` does (cdk.json context and feature flags), with overrides.
// Bundling is skipped unless asked for, since template assertions do not look inside function code,
// and CDK's built-in CloudFormation validation is left to `cdk synth`: together they are most of
// the synthesis time. The plain desk is synthesised once per worker and shared by its files (the
// infra tests run without isolation, see vitest.config.ts): the assertions only read it.
import { readFileSync } from 'node:fs';
import { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, type DeskApp } from '../../lib/app';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

export interface SynthesisedDesk extends DeskApp {
  template: Template;
  /** The logical id of a construct's CloudFormation resource. */
  logicalId(construct: IConstruct): string;
}

let plain: SynthesisedDesk | undefined;

export function synthDesk(context: Record<string, unknown> = {}, { bundle = false } = {}): SynthesisedDesk {
  if (Object.keys(context).length === 0 && !bundle) return (plain ??= synthesise(context, { bundle }));
  return synthesise(context, { bundle });
}

function synthesise(context: Record<string, unknown>, { bundle }: { bundle: boolean }): SynthesisedDesk {
  const desk = buildApp(
    { ...cdkJson.context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
    { builtinCloudFormationValidation: false },
  );
  const template = Template.fromStack(desk.stack);
  const logicalId = (construct: IConstruct) => {
    const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
    if (!element || !CfnElement.isCfnElement(element)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
    return desk.stack.getLogicalId(element);
  };
  return { ...desk, template, logicalId };
}
