import { type Acknowledgment, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A value as cdk-nag names it in a finding: each reference becomes <LogicalId> or <LogicalId.Attribute>. */
export function nagName(scope: IConstruct, value: string): string {
  const flatten = (node: unknown): string => {
    if (typeof node === 'string') return node;
    const intrinsic = node as { 'Fn::Join'?: [string, unknown[]]; Ref?: string; 'Fn::GetAtt'?: [string, string] };
    if (intrinsic['Fn::Join']) return intrinsic['Fn::Join'][1].map(flatten).join(intrinsic['Fn::Join'][0]);
    if (intrinsic.Ref) return `<${intrinsic.Ref}>`;
    if (intrinsic['Fn::GetAtt']) return `<${intrinsic['Fn::GetAtt'].join('.')}>`;
    throw new Error(`Cannot name ${JSON.stringify(node)} as cdk-nag does`);
  };
  return flatten(Stack.of(scope).resolve(value));
}

/**
 * Acknowledges findings whose ids name references, once the references are final. A reference to a
 * resource of another stack of the desk (a table, a bucket) becomes a parameter of the nested stack
 * only when the app is prepared for synthesis, and cdk-nag names it as the parameter: so the ids are
 * built in a construct validation, which runs after that and before the rule packs.
 */
export function acknowledgeOnceResolved(scope: IConstruct, acknowledgments: () => Acknowledgment[]): void {
  scope.node.addValidation({
    validate: () => {
      Validations.of(scope).acknowledge(...acknowledgments());
      return [];
    },
  });
}
