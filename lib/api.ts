import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type RouteDefinition } from '../functions/routes';
import type { DeskTables } from './data';
import { DeskFunction } from './functions';
import { Firewall } from './firewall';
import { encryptedLogGroup, type DeskLogging } from './logs';
import { StaffPool } from './staff-pool';

export interface ApiConstructProps {
  stage: string;
  prod: boolean;
  tables: DeskTables;
  logging: DeskLogging;
  removalPolicy: RemovalPolicy;
  /** Where e-mailed links point, when the API sits behind a custom domain. */
  publicBaseUrl?: string;
}

/** Why a route without a Cognito authorizer is still not open to everyone. */
const OWN_AUTH_REASON: Record<Exclude<RouteDefinition['auth']['kind'], 'staff'>, string> = {
  public: 'Public by design (DESIGN §5): reading the privacy notice and the OpenAPI document, making a request and confirming it with the e-mailed code need no account; WAF rules and stage throttling bound abuse.',
  'status-token': 'The requester has no account: the handler checks the status token (stored hashed) in the Authorization header and answers 404 for an unknown id or a wrong token.',
  link: 'The holder of the e-mailed link has no account: the handler checks the unguessable token in the path (stored hashed, 14-day life).',
};

/**
 * The public contract over HTTPS: a REST API built route by route from ROUTES, one function each,
 * Cognito for staff routes, behind AWS WAF.
 */
export class ApiConstruct extends Construct {
  readonly api: apigateway.RestApi;
  readonly staff: StaffPool;
  readonly functions: Record<string, DeskFunction> = {};

  constructor(scope: Construct, id: string, props: ApiConstructProps) {
    super(scope, id);
    const accessLogGroup = encryptedLogGroup(this, 'AccessLogGroup', props.logging, logs.RetentionDays.ONE_YEAR);

    this.api = new apigateway.RestApi(this, 'RestApi', {
      restApiName: `appi-desk-${props.stage}`,
      description: 'appi-desk: requests about personal data under the APPI',
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      // Stage logging needs the account-wide API Gateway role. Every stage's stack points the account
      // at its own copy, so a deleted stack must not take the role the others still use with it.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stage,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogGroup),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        tracingEnabled: true,
        metricsEnabled: true,
        // Errors only, and never request or response bodies: they carry personal data.
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        cachingEnabled: false,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
      },
    });
    this.createExecutionLogGroup(props);
    this.addProblemResponses();

    this.staff = new StaffPool(this, 'Staff', { prod: props.prod, removalPolicy: props.removalPolicy });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
      cognitoUserPools: [this.staff.userPool],
    });
    const validator = this.api.addRequestValidator('Validator', { validateRequestBody: true, validateRequestParameters: true });

    for (const route of ROUTES as readonly RouteDefinition[]) this.addRoute(route, props, authorizer, validator);

    new Firewall(this, 'Firewall', { stageArn: this.api.deploymentStage.stageArn, logging: props.logging, rateLimitPer5Minutes: 500 });
    this.acknowledgeStageFindings();
  }

  private addRoute(
    route: RouteDefinition,
    props: ApiConstructProps,
    authorizer: apigateway.IAuthorizer,
    validator: apigateway.IRequestValidator,
  ): void {
    const desk = new DeskFunction(this, route.name, {
      name: route.name,
      tables: route.tables,
      deskTables: props.tables,
      logging: props.logging,
      timeout: Duration.seconds(15),
      ...(route.name === 'decide-request' && props.publicBaseUrl ? { environment: { DESK_PUBLIC_BASE_URL: props.publicBaseUrl } } : {}),
    });
    this.functions[route.name] = desk;

    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const method = this.api.root.resourceForPath(route.path).addMethod(
      route.method,
      new apigateway.LambdaIntegration(desk.fn, { allowTestInvoke: false }),
      {
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParameters.map((p) => [`method.request.path.${p}`, true])),
        ...(route.auth.kind === 'staff'
          ? { authorizer, authorizationType: apigateway.AuthorizationType.COGNITO }
          : { authorizationType: apigateway.AuthorizationType.NONE }),
      },
    );
    if (route.auth.kind !== 'staff') {
      const reason = OWN_AUTH_REASON[route.auth.kind];
      Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
    }
  }

  /** API Gateway creates the execution log group on first use, unencrypted and kept forever; own it instead. */
  private createExecutionLogGroup(props: ApiConstructProps): void {
    const name = `API-Gateway-Execution-Logs_${this.api.restApiId}/${props.stage}`;
    const group = encryptedLogGroup(this, 'ExecutionLogGroup', props.logging, logs.RetentionDays.THREE_MONTHS, name);
    this.api.deploymentStage.node.addDependency(group);
  }

  /** Errors raised by API Gateway itself (WAF, authorizer, throttling) keep the problem+json contract. */
  private addProblemResponses(): void {
    const template = '{"type":"urn:appi-desk:problem:gateway-$context.error.responseType","title":$context.error.messageString,"detail":$context.error.messageString,"instance":"$context.requestId"}';
    for (const type of [apigateway.ResponseType.DEFAULT_4XX, apigateway.ResponseType.DEFAULT_5XX]) {
      this.api.addGatewayResponse(type.responseType, {
        type,
        responseHeaders: { 'content-type': "'application/problem+json'" },
        templates: { 'application/json': template },
      });
    }
  }

  private acknowledgeStageFindings(): void {
    Validations.of(this.api.deploymentStage).acknowledge(
      {
        id: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
        reason: 'Caching is off on purpose: responses carry personal data and per-requester tokens, and must not be served from a cache.',
      },
      {
        id: 'NIST.800.53.R5-APIGWSSLEnabled',
        reason: 'A stage client certificate authenticates API Gateway to HTTP back ends; every integration here is Lambda (AWS_PROXY), called over AWS IAM, where the certificate is never presented.',
      },
    );
    const cloudWatchRole = this.api.node.findChild('CloudWatchRole');
    Validations.of(cloudWatchRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'The account-wide role API Gateway uses to write stage logs; AWS maintains this service-role policy for exactly that purpose and other APIs in the account rely on the same role.',
    });
  }
}
