import { Aws, Duration, NestedStack, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SYSTEM_NAMES, type SystemName } from '../functions/domain/systems';
import { ROUTES, type RouteDefinition } from '../functions/routes';
import type { DeskBuckets } from './audit';
import { CAPABILITIES, type Capability, routeCapability } from './capabilities';
import type { DeskSecrets, DeskTables } from './data';
import { Firewall } from './firewall';
import { DeskFunction, functionLogGroup, HOLDERS_OUTSIDE_AWS } from './functions';
import { type DeskLogging, encryptedLogGroup } from './logs';
import { ManagedPolicyRole } from './managed-policy-role';
import { nagName } from './nag';
import { StaffPool } from './staff-pool';

/** The minimum TLS the API accepts: 1.2 with forward secrecy, or 1.3 (AWS's enhanced policies, 2025-09). */
export const API_SECURITY_POLICY = 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09';

/** Every route function's name starts so: the integration role may invoke these and nothing else. */
export const routeFunctionPrefix = (stage: string) => `desk-${stage}-api-`;

export function routeFunctionName(stage: string, route: string): string {
  const name = `${routeFunctionPrefix(stage)}${route}`;
  if (name.length > 64)
    throw new Error(`Function name ${name} is longer than Lambda's 64 characters: shorten the stage or the route name`);
  return name;
}

export interface ApiConstructProps {
  stage: string;
  prod: boolean;
  tables: DeskTables;
  buckets: DeskBuckets;
  secrets: DeskSecrets;
  logging: DeskLogging;
  removalPolicy: RemovalPolicy;
  /** Where e-mailed links point, when the API sits behind a custom domain. */
  publicBaseUrl?: string;
  /** The desk's service settings, handed to every route function (functions/adapters/desk-settings.ts reads them). */
  deskSettings?: Record<string, string>;
  /** When set, the firewall lets staff routes answer only these addresses (CIDRs). */
  staffAllowedCidrs?: readonly string[];
}

/** Why a route without a Cognito authorizer is still not open to everyone. */
const OWN_AUTH_REASON: Record<Exclude<RouteDefinition['auth']['kind'], 'staff'>, string> = {
  system:
    "Called by a company system, not a person: API Gateway authorises it with AWS IAM (SigV4), and only principals holding that system's caller policy, which names exactly its routes, may invoke it.",
  public:
    'Public by design: reading the privacy notice and the OpenAPI document, making a request and confirming it with the e-mailed code need no account; WAF rules and stage throttling bound abuse.',
  'status-token':
    'The requester has no account: the handler checks the status token (stored hashed) in the Authorization header and answers 404 for an unknown id or a wrong token.',
  'subject-token':
    'The person has no account: the handler checks the subject token (stored hashed, 15-minute life) from an e-mailed code in the Authorization header and answers 404 for an unknown or expired token.',
  'holder-signature':
    'Called by a holder of personal data (an OpenDSR processor), not a person: the handler verifies the X-OpenDSR-Signature over the raw body against the certificate pinned when the holder was registered, before anything is parsed, and answers 403 otherwise.',
  link: 'The holder of the e-mailed link has no account: the handler checks the unguessable token in the path (stored hashed, 14-day life).',
};

/** A route's path as execute-api ARNs spell it: each path parameter matches any value. */
function executeApiPath(path: string): string {
  return path.replace(/\{\w+\}/g, '*');
}

/**
 * The public contract over HTTPS: a REST API built route by route from ROUTES, one function each,
 * Cognito for staff routes, AWS IAM for company systems, behind AWS WAF.
 *
 * The API itself (its paths, stage, authorizer, firewall and the staff pool) stays in the desk's stack;
 * each route's function, role, policy and method go to the nested stack of its capability
 * (lib/capabilities.ts), so that no template nears CloudFormation's 500 resources as routes are added.
 * The API's deployment waits for those stacks, as it waits for every method.
 */
export class ApiConstruct extends Construct {
  readonly api: apigateway.RestApi;
  readonly staff: StaffPool;
  readonly firewall: Firewall;
  readonly functions: Record<string, DeskFunction> = {};
  /** Each route's method, by route name. */
  readonly methods: Record<string, apigateway.Method> = {};
  /** The nested stacks of the route functions, by capability; one is made when its first route is. */
  readonly routeStacks: Partial<Record<Capability, NestedStack>> = {};
  private readonly functionLogGroup: logs.LogGroup;
  /** What API Gateway invokes the route functions as. */
  readonly integrationRole: ManagedPolicyRole;
  /** API Gateway's own error answers (WAF, authorizer, throttling), as problem+json. */
  private readonly problemResponses: apigateway.GatewayResponse[] = [];
  /** Per company system, the policy the company attaches to the role that system runs as. */
  readonly callerPolicies = {} as Record<SystemName, iam.ManagedPolicy>;

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
    // TLS 1.2 or newer with forward secrecy only, and requests only through this regional endpoint
    // by its own host name (no domain fronting): API Gateway's enhanced security policy for REST APIs.
    const cfnApi = this.api.node.defaultChild as apigateway.CfnRestApi;
    cfnApi.securityPolicy = API_SECURITY_POLICY;
    cfnApi.endpointAccessMode = 'STRICT';
    this.createExecutionLogGroup(props);
    this.addProblemResponses();

    this.staff = new StaffPool(this, 'Staff', {
      prod: props.prod,
      removalPolicy: props.removalPolicy,
      tables: props.tables,
      logging: props.logging,
    });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
      cognitoUserPools: [this.staff.userPool],
    });
    const validator = this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    this.functionLogGroup = functionLogGroup(this, 'FunctionLogGroup', props.logging);
    this.integrationRole = this.createIntegrationRole(props.stage);
    for (const route of ROUTES) this.addRoute(route, props, authorizer, validator);
    for (const system of SYSTEM_NAMES) this.callerPolicies[system] = this.callerPolicy(system, props.stage);

    this.firewall = new Firewall(this, 'Firewall', {
      stageArn: this.api.deploymentStage.stageArn,
      stageName: props.stage,
      logging: props.logging,
      ...(props.staffAllowedCidrs ? { staffAllowedCidrs: props.staffAllowedCidrs } : {}),
    });
    this.acknowledgeStageFindings();
  }

  private addRoute(
    route: RouteDefinition,
    props: ApiConstructProps,
    authorizer: apigateway.IAuthorizer,
    validator: apigateway.IRequestValidator,
  ): void {
    const scope = this.routeStack(routeCapability(route.name));
    const desk = new DeskFunction(scope, route.name, {
      name: route.name,
      tables: route.tables,
      deskTables: props.tables,
      ...(route.buckets ? { buckets: route.buckets } : {}),
      deskBuckets: props.buckets,
      ...(route.secrets ? { secrets: route.secrets } : {}),
      deskSecrets: props.secrets,
      functionName: routeFunctionName(props.stage, route.name),
      logGroup: this.functionLogGroup,
      timeout: Duration.seconds(15),
      ...(route.reachesHolders ? { outsideAws: HOLDERS_OUTSIDE_AWS } : {}),
      environment: {
        ...props.deskSettings,
        ...(route.publicLinks && props.publicBaseUrl ? { DESK_PUBLIC_BASE_URL: props.publicBaseUrl } : {}),
        // staff-auth accepts ID tokens of this pool only.
        ...(route.auth.kind === 'staff' ? { DESK_STAFF_TOKEN_ISSUER: this.staff.tokenIssuer } : {}),
        ...(route.userPool ? { DESK_STAFF_USER_POOL_ID: this.staff.userPool.userPoolId } : {}),
      },
    });
    this.functions[route.name] = desk;
    // The account routes call the staff pool: only the actions their manifest entry names, on this pool only.
    if (route.userPool)
      desk.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [...route.userPool], resources: [this.staff.userPool.userPoolArn] }),
      );

    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    // In the capability's stack, on the API's resource for the path: the method joins the API's deployment.
    const method = new apigateway.Method(scope, `${route.name}-method`, {
      resource: this.api.root.resourceForPath(route.path),
      httpMethod: route.method,
      integration: new apigateway.Integration({
        type: apigateway.IntegrationType.AWS_PROXY,
        integrationHttpMethod: 'POST',
        uri: `arn:${Stack.of(this).partition}:apigateway:${Stack.of(this).region}:lambda:path/2015-03-31/functions/${desk.fn.functionArn}/invocations`,
        options: { credentialsRole: this.integrationRole },
      }),
      options: {
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParameters.map((p) => [`method.request.path.${p}`, true])),
        ...(route.auth.kind === 'staff'
          ? { authorizer, authorizationType: apigateway.AuthorizationType.COGNITO }
          : {
              authorizationType:
                route.auth.kind === 'system' ? apigateway.AuthorizationType.IAM : apigateway.AuthorizationType.NONE,
            }),
      },
    });
    this.methods[route.name] = method;
    if (route.auth.kind === 'system') {
      // IAM authorisation satisfies APIG4; only the want of a Cognito authorizer is reported.
      Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason: OWN_AUTH_REASON.system });
    } else if (route.auth.kind !== 'staff') {
      const reason = OWN_AUTH_REASON[route.auth.kind];
      Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
    }
  }

  /** The nested stack of a capability's routes, made with its first route. */
  private routeStack(capability: Capability): NestedStack {
    const id = `${capability.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Routes`;
    return (this.routeStacks[capability] ??= new NestedStack(this, id, {
      description: `appi-desk routes: ${CAPABILITIES[capability]}`,
    }));
  }

  /**
   * API Gateway invokes the route functions as this role, instead of through one resource policy per
   * function: one role instead of fifty-odd permissions keeps the stack within CloudFormation's 500
   * resources. It may invoke the functions named with this stage's route prefix, and nothing else.
   */
  private createIntegrationRole(stage: string): ManagedPolicyRole {
    const role = new ManagedPolicyRole(this, 'IntegrationRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: `Lets the ${stage} API invoke its route functions`,
    });
    const routeFunctions = `function:${routeFunctionPrefix(stage)}*`;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [`arn:${Aws.PARTITION}:lambda:${Aws.REGION}:${Aws.ACCOUNT_ID}:${routeFunctions}`],
      }),
    );
    Validations.of(role.managedPolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:lambda:<AWS::Region>:<AWS::AccountId>:${routeFunctions}]`,
      reason: `Only lambda:InvokeFunction, only on the functions named ${routeFunctionPrefix(stage)}<route>, which are this stage's route functions: the names are fixed by the route manifest, and listing each ARN would outgrow a managed policy's size limit.`,
    });
    return role;
  }

  /**
   * execute-api:Invoke on exactly the routes the manifest opens to one system, on this stage. The
   * company attaches it to the role the system runs as; the desk attaches it to nothing.
   */
  private callerPolicy(system: SystemName, stage: string): iam.ManagedPolicy {
    const routes = ROUTES.filter((r) => r.auth.kind === 'system' && r.auth.systems.includes(system));
    const arns = routes.map((r) => this.api.arnForExecuteApi(r.method, executeApiPath(r.path), stage));
    const policy = new iam.ManagedPolicy(this, `${system}-caller`, {
      managedPolicyName: `appi-desk-${stage}-${system}-caller`,
      description: `Lets the ${system} system call its routes of the privacy desk API (${stage})`,
      statements: [new iam.PolicyStatement({ actions: ['execute-api:Invoke'], resources: arns })],
    });
    const reason =
      'Each path parameter of a route is written * in its execute-api ARN; every ARN still names one stage, one method and one route of this API.';
    Validations.of(policy).acknowledge(
      ...arns
        .filter((arn) => arn.includes('*'))
        .map((arn) => ({ id: `AwsSolutions-IAM5[Resource::${nagName(this, arn)}]`, reason })),
    );
    return policy;
  }

  /** API Gateway creates the execution log group on first use, unencrypted and kept forever; own it instead. */
  private createExecutionLogGroup(props: ApiConstructProps): void {
    const name = `API-Gateway-Execution-Logs_${this.api.restApiId}/${props.stage}`;
    const group = encryptedLogGroup(this, 'ExecutionLogGroup', props.logging, logs.RetentionDays.THREE_MONTHS, name);
    this.api.deploymentStage.node.addDependency(group);
  }

  /** Errors raised by API Gateway itself (WAF, authorizer, throttling) keep the problem+json contract. */
  private addProblemResponses(): void {
    const template =
      '{"type":"urn:appi-desk:problem:gateway-$context.error.responseType","title":$context.error.messageString,"detail":$context.error.messageString,"instance":"$context.requestId"}';
    for (const type of [apigateway.ResponseType.DEFAULT_4XX, apigateway.ResponseType.DEFAULT_5XX]) {
      this.problemResponses.push(
        this.api.addGatewayResponse(type.responseType, {
          type,
          responseHeaders: { 'content-type': "'application/problem+json'" },
          templates: { 'application/json': template },
        }),
      );
    }
  }

  /**
   * Lets pages from `origin` read API Gateway's own errors too: without it a browser sees an expired
   * token's 401 from the authorizer as a network failure. The answers carry no data.
   */
  allowOriginOnProblems(origin: string): void {
    const header = {
      'gatewayresponse.header.Access-Control-Allow-Origin': `'${origin}'`,
      'gatewayresponse.header.Vary': "'Origin'",
    };
    for (const response of this.problemResponses) {
      const cfn = response.node.defaultChild as apigateway.CfnGatewayResponse;
      cfn.responseParameters = { ...(cfn.responseParameters as Record<string, string>), ...header };
    }
    // Gateway responses change only with a new deployment.
    this.api.latestDeployment?.addToLogicalId({ problemResponsesOrigin: origin });
  }

  private acknowledgeStageFindings(): void {
    Validations.of(this.api.deploymentStage).acknowledge(
      {
        id: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
        reason:
          'Caching is off on purpose: responses carry personal data and per-requester tokens, and must not be served from a cache.',
      },
      {
        id: 'NIST.800.53.R5-APIGWSSLEnabled',
        reason:
          'A stage client certificate authenticates API Gateway to HTTP back ends; every integration here is Lambda (AWS_PROXY), called over AWS IAM, where the certificate is never presented.',
      },
    );
    const cloudWatchRole = this.api.node.findChild('CloudWatchRole');
    Validations.of(cloudWatchRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-wide role API Gateway uses to write stage logs; AWS maintains this service-role policy for exactly that purpose and other APIs in the account rely on the same role.',
    });
  }
}
