// System routes are IAM-authorised: API Gateway checks the SigV4 signature and the caller's
// execute-api:Invoke permission before the function runs (locally, the gateway does the same), and
// hands over the signing principal, which the desk records as who registered or asked.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { SystemActor } from '../domain/systems';
import { HttpProblem } from './problem';

export function authenticateSystem(event: APIGatewayProxyEvent): SystemActor {
  const identity = event.requestContext.identity;
  const principal = identity?.userArn ?? identity?.caller;
  if (!principal) {
    throw new HttpProblem(
      401,
      'unauthenticated',
      'Signed request required',
      "This route is for the company's systems: sign the request with AWS Signature Version 4 using credentials granted this route.",
    );
  }
  return { principal, sourceIp: identity?.sourceIp ?? 'unknown' };
}
