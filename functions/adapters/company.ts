// The company that deploys the desk (functions/domain/company.ts), read from the function's
// environment at load: a bad configuration fails the function's start, never a request.
import { readFileSync } from 'node:fs';
import { type Company, DEMO_COMPANY, parseCompany } from '../domain/company';

/** The environment variable CDK sets on every function: the company as compact JSON. */
export const COMPANY_ENV = 'DESK_COMPANY_JSON';
/** Locally only: a JSON file with the company, instead of the demo company. */
export const COMPANY_FILE_ENV = 'DESK_COMPANY_FILE';

/**
 * Lambda limits a function's variables to 4 KB together; the company gets at most half, so the
 * other settings keep room. Japanese text is three bytes a character in UTF-8.
 */
export const COMPANY_JSON_MAX_BYTES = 2048;

/** The company as the variable carries it, refused when it would not fit beside the other settings. */
export function companyEnvironmentValue(company: Company): string {
  const json = JSON.stringify(company);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > COMPANY_JSON_MAX_BYTES)
    throw new Error(
      `company is ${bytes} bytes as JSON, more than the ${COMPANY_JSON_MAX_BYTES} a function's environment has room for: shorten its texts`,
    );
  return json;
}

function parsedJson(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
}

/** A company file (DESK_COMPANY_FILE locally, context companyFile at synth), validated, naming the field that is wrong. */
export function companyFromFile(path: string): Company {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`The company file ${path} cannot be read`);
  }
  return parseCompany(parsedJson(`The company file ${path}`, text));
}

/**
 * DESK_COMPANY_JSON. In AWS (a Lambda function) it must be set: a deployment that forgot it must
 * not speak as the demo company. Elsewhere (npm start, the tests) it falls back to DESK_COMPANY_FILE,
 * then to the demo company.
 */
export function company(env: NodeJS.ProcessEnv = process.env): Company {
  const json = env[COMPANY_ENV]?.trim();
  if (json) return parseCompany(parsedJson(COMPANY_ENV, json));
  if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`${COMPANY_ENV} is not set: the deployment names no company`);
  const file = env[COMPANY_FILE_ENV]?.trim();
  if (file) return companyFromFile(file);
  return DEMO_COMPANY;
}
