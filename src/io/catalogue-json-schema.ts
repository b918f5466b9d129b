/**
 * JSON Schema of routes.yaml for editors (`yangtze catalogue schema`), derived
 * from the one zod definition so the two cannot drift apart. Cross-reference
 * rules (unknown ids, overlapping seasons, …) are not expressible here; the
 * loader still checks them.
 */
import * as z from 'zod';
import { catalogueSchema } from './catalogue-schema.js';

export function catalogueJsonSchema(): object {
  // `input`: the file as written, where keys with defaults are optional.
  return z.toJSONSchema(catalogueSchema, { io: 'input', target: 'draft-2020-12' });
}
