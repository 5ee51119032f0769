// The desk's stack synthesised in-process (as test/infra does, without bundling): what it holds that
// is charged by the month, and each function's configured memory, read from the templates.
import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/app';
import { inventoryOf, type Resource, type SynthesisedCosts } from './inventory';

export function synthesisedCosts(): SynthesisedCosts {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const desk = buildApp(
    { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
    { builtinCloudFormationValidation: false },
  );
  const stacks = desk.stack.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  // Nested stacks are no artifacts of their own: each template is read from its stack.
  const resources = stacks.flatMap((s) =>
    Object.values((Template.fromStack(s).toJSON().Resources ?? {}) as Record<string, Resource>),
  );
  return inventoryOf(resources);
}
