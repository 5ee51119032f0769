// A contract schema as JSON Schema, the one way the desk writes it: the OpenAPI document and the Privacy
// Center's request form (built at build time) both read this, so the form asks what the API validates.
import * as z from 'zod';

/** The JSON Schema (2020-12) of what a route accepts (`input`) or answers (`output`). */
export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
