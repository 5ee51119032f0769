import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * A role whose every grant lands in one customer-managed policy instead of an inline default policy
 * (NIST 800-53 AC-6: no inline policies). CDK's own grants (tracing, event sources, queues) go through
 * addToPrincipalPolicy, so they land there too.
 */
export class ManagedPolicyRole extends iam.Role {
  readonly managedPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
    this.managedPolicy = new iam.ManagedPolicy(this, 'Policy', { roles: [this] });
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.managedPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.managedPolicy };
  }
}
