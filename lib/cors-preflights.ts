import { type Duration, NestedStack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';

export interface CorsPreflightsProps {
  api: apigateway.RestApi;
  /** The one origin the preflights answer. */
  origin: string;
  /** Per path, the methods the browser may then send. */
  methodsByPath: ReadonlyMap<string, readonly string[]>;
  allowHeaders: readonly string[];
  maxAge: Duration;
  /** Why a preflight needs no authorisation, for cdk-nag. */
  reason: string;
}

/**
 * The API's CORS preflights, answered by API Gateway itself (mock integrations, no function), in a
 * nested stack of their own: one OPTIONS method per path the web pages call is some forty resources,
 * which the desk's stack cannot hold within CloudFormation's 500. The API's deployment waits for
 * this stack and is replaced when a preflight changes, as with the API's own methods.
 */
export class CorsPreflights extends NestedStack {
  readonly methods: apigateway.Method[] = [];

  constructor(scope: Construct, id: string, props: CorsPreflightsProps) {
    super(scope, id, { description: "appi-desk: CORS preflights of the API, for the web pages' origin" });
    const headers = {
      'Access-Control-Allow-Origin': props.origin,
      'Access-Control-Allow-Headers': props.allowHeaders.join(','),
      'Access-Control-Max-Age': String(props.maxAge.toSeconds()),
      Vary: 'Origin',
    };
    for (const [path, methods] of props.methodsByPath) {
      const answer = { ...headers, 'Access-Control-Allow-Methods': methods.join(',') };
      const parameters = Object.fromEntries(
        Object.entries(answer).map(([name, value]) => [`method.response.header.${name}`, `'${value}'`]),
      );
      // Named by path, so adding a path leaves the other methods as they are.
      const method = new apigateway.Method(this, `OPTIONS ${path.replaceAll('/', ' ')}`, {
        resource: props.api.root.resourceForPath(path),
        httpMethod: 'OPTIONS',
        integration: new apigateway.MockIntegration({
          requestTemplates: { 'application/json': '{ statusCode: 200 }' },
          integrationResponses: [{ statusCode: '204', responseParameters: parameters }],
        }),
        options: {
          authorizationType: apigateway.AuthorizationType.NONE,
          methodResponses: [
            {
              statusCode: '204',
              responseParameters: Object.fromEntries(Object.keys(parameters).map((k) => [k, true])),
            },
          ],
        },
      });
      Validations.of(method).acknowledge(
        { id: 'AwsSolutions-APIG4', reason: props.reason },
        { id: 'AwsSolutions-COG4', reason: props.reason },
      );
      this.methods.push(method);
    }
  }
}
