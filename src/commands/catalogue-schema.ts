/** `yangtze catalogue schema`: the JSON Schema of routes.yaml, for editors (yaml-language-server). */
import type { CliContext } from '../cli/context.js';
import { toJson } from '../cli/output.js';
import { catalogueJsonSchema } from '../io/catalogue-json-schema.js';

export async function catalogueSchema(ctx: CliContext): Promise<void> {
  ctx.out.result(toJson(catalogueJsonSchema()));
}
