import { z } from 'zod';
import { componentsReferencedBy, zodSchema } from './zod-schema';

const place = z.strictObject({ name: z.string() }).meta({ id: 'UnitPlace' });
const visit = z
  .strictObject({ on: z.iso.date(), id: z.uuid(), place: place.nullable() })
  .meta({ id: 'UnitVisit' });
const unused = z.strictObject({ never: z.boolean() }).meta({ id: 'UnitUnused' });

describe('zodSchema', () => {
  it('refers to named schemas as components, at any depth', () => {
    expect(zodSchema(z.array(visit))).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/UnitVisit' },
    });
    expect(zodSchema(visit)).toEqual({ $ref: '#/components/schemas/UnitVisit' });
  });

  it('leaves out the regular expressions zod writes beside date and uuid formats', () => {
    const { UnitVisit } = componentsReferencedBy(zodSchema(visit));
    expect(UnitVisit).toMatchObject({
      properties: {
        on: { type: 'string', format: 'date' },
        id: { type: 'string', format: 'uuid' },
      },
      additionalProperties: false,
    });
    expect(JSON.stringify(UnitVisit)).not.toContain('pattern');
  });

  it('documents what a schema takes as input: defaults make fields optional', () => {
    const query = z.strictObject({ limit: z.coerce.number().int().default(50) });
    expect(zodSchema(query, 'input')).toMatchObject({
      properties: { limit: { type: 'integer', default: 50 } },
    });
    expect(zodSchema(query, 'input').required).toBeUndefined();
  });
});

describe('componentsReferencedBy', () => {
  it('takes the components a document refers to, through other components, and no others', () => {
    zodSchema(unused);
    const document = { paths: { '/visits': { schema: zodSchema(z.array(visit)) } } };
    expect(Object.keys(componentsReferencedBy(document))).toEqual(['UnitPlace', 'UnitVisit']);
  });
});
