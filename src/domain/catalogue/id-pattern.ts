/** Ids are lowercase kebab-case: `yellow-crane-tower`, `wuhan`, `5a-pass`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
