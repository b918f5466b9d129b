/** The JSON Schema for editors comes from the same zod definition the loader checks against. */
import { describe, expect, it } from '@jest/globals';
import { catalogueJsonSchema } from '../../src/io/catalogue-json-schema.js';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; type?: string; required?: string[]; additionalProperties?: unknown; pattern?: string };

describe('catalogueJsonSchema', () => {
  it('is stable (review the diff when the catalogue shape changes)', () => {
    expect(catalogueJsonSchema()).toMatchSnapshot();
  });

  it('lists the top-level sections of CATALOGUE.md and forbids unknown keys', () => {
    const schema = catalogueJsonSchema() as JsonSchema;
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'version', 'name', 'name_zh', 'timezone', 'currency', 'rider_categories', 'cities', 'attractions', 'links', 'routes', 'passes', 'holidays', 'rates', 'sources', 'discount_rules', 'cruises',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes the file as written: keys with defaults are not required', () => {
    const attraction = (catalogueJsonSchema() as JsonSchema).properties!.attractions!.items!;
    expect(attraction.required).toEqual(
      expect.arrayContaining(['id', 'name', 'name_zh', 'city', 'location', 'themes', 'rating', 'visit', 'hours', 'price']),
    );
    expect(attraction.required).not.toContain('closed');
    expect(attraction.required).not.toContain('must_see');
  });

  it('gives editors the duration and time patterns', () => {
    const attraction = (catalogueJsonSchema() as JsonSchema).properties!.attractions!.items!;
    expect(new RegExp(attraction.properties!.visit!.pattern!).test('1h30m')).toBe(true);
    // hours: a list of seasons, or one OSM opening_hours string
    const season = attraction.properties!.hours!.anyOf!.find((b) => b.type === 'array')!.items!;
    expect(new RegExp(season.properties!.open!.pattern!).test('08:30')).toBe(true);
    expect(new RegExp(season.properties!.open!.pattern!).test('8:30')).toBe(false);
  });
});
