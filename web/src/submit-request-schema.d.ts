// The JSON Schema of the body of POST /v1/requests, as GET /v1/openapi.json documents it: written into
// the build by web/vite.config.ts from the contract's zod schema, so the page carries no server code.
declare module 'virtual:submit-request-schema' {
  import type { JsonSchema } from './schema-form';

  const schema: JsonSchema;
  export default schema;
}
