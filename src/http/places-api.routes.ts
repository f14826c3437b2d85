// GET /api/places: the conversation's place search for a department platform's own tools, authenticated by the
// department's API token (created in Réglages, hashed at rest). GET /api/openapi.json describes it and the hand-off
// API, generated from the same zod schemas that validate the requests.
import { Hono } from 'hono';
import * as z from 'zod';
import { handoffSchema } from '../conversation/handoff.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import { sha256Hex } from '../web/auth/crypto.js';

export const placesQuerySchema = z.object({
  commune: z.string().trim().min(2, 'a commune name or a postal code').max(80).describe('Commune name or postal code, e.g. "Mende" or "48000"'),
  need: z.enum(['demarches', 'apprendre', 'materiel', 'internet']).default('demarches').describe('What the person needs'),
  public: z.enum(['seniors', 'deafness', 'visual', 'mental', 'mobility', 'reading', 'language']).optional().describe('A public welcomed or an adapted reception'),
  free: z.enum(['true', 'false']).optional().describe('Only free places'),
  openNow: z.enum(['true', 'false']).optional().describe('Only places open now (French local time)'),
  withoutAppointment: z.enum(['true', 'false']).optional().describe('Only places that take people without an appointment'),
  openOn: z.iso.date({ message: 'a day written YYYY-MM-DD' }).optional().describe('Only places open at some time that day (French local time), e.g. "2026-12-01"'),
  limit: z.coerce.number<string>().int().min(1).max(10).default(5).describe('How many places, 1 to 10'),
});

export const placeSchema = z.object({
  rank: z.string(),
  name: z.string(),
  address: z.string(),
  distance: z.string().describe('In French words, as said to the person, e.g. "3,2 km"'),
  phone: z.string(),
  opening: z.string().describe('The next opening, in French'),
  appointment: z.string(),
});

export const placesResponseSchema = z.object({
  commune: z.string(),
  outcome: z.enum(['found', 'none']).describe('"none": a white zone, nothing within the department\'s radius'),
  places: z.array(placeSchema),
});

const errorSchema = z.object({ error: z.string(), problems: z.array(z.string()).optional() });

export interface PlacesApiDeps {
  findPlaces: (input: Vars) => Promise<ServiceResult>;
  departmentOfApiToken(tokenHash: string): Promise<string | undefined>;
}

export function placesApiRoutes(deps: PlacesApiDeps): Hono {
  const routes = new Hono();
  routes.get('/openapi.json', (c) => c.json(openApiDocument()));
  routes.get('/places', async (c) => {
    const given = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    const departement = given ? await deps.departmentOfApiToken(await sha256Hex(given)) : undefined;
    if (!departement) return c.json({ error: 'missing, invalid or revoked API token' }, 401, { 'WWW-Authenticate': 'Bearer' });
    const parsed = placesQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: 'invalid query', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const q = parsed.data;
    const result = await deps.findPlaces({
      query: q.commune,
      need: q.need,
      limit: String(q.limit),
      ...(q.public ? { public: q.public } : {}),
      ...(q.free === 'true' ? { free: 'yes' } : {}),
      ...(q.openNow === 'true' ? { openNow: 'yes' } : {}),
      ...(q.withoutAppointment === 'true' ? { withoutAppointment: 'yes' } : {}),
      ...(q.openOn ? { openOn: q.openOn } : {}),
    });
    if (result.outcome !== 'found' && result.outcome !== 'none') return c.json({ error: 'unknown commune', problems: [`commune: no commune or postal code "${q.commune}"`] }, 404);
    const places = (result.items ?? []).map((item) => placeSchema.parse(item));
    return c.json({ commune: result.vars?.['commune'] ?? q.commune, outcome: result.outcome, places } satisfies z.infer<typeof placesResponseSchema>);
  });
  return routes;
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
const content = (schema: z.ZodType) => ({ 'application/json': { schema: json(schema) } });

/** The OpenAPI 3.1 document of the platforms' API, from the schemas that validate it. */
export function openApiDocument() {
  const query = json(placesQuerySchema) as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return {
    openapi: '3.1.0',
    info: { title: 'Relais: API for department platforms', version: '1.0.0', description: 'Hand-offs before a call transfer, and the place search of the conversations.' },
    components: { securitySchemes: { departmentToken: { type: 'http', scheme: 'bearer', description: 'A department API token, created in Réglages' }, handoffToken: { type: 'http', scheme: 'bearer', description: 'HANDOFF_API_TOKEN' } } },
    paths: {
      '/api/places': {
        get: {
          operationId: 'searchPlaces',
          summary: 'The nearest places for a commune and a need, as the conversations give them',
          security: [{ departmentToken: [] }],
          parameters: Object.entries(query.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: query.required?.includes(name) ?? false,
            ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
            schema,
          })),
          responses: {
            '200': { description: 'Places found, or a white zone', content: content(placesResponseSchema) },
            '400': { description: 'A bad parameter, each named', content: content(errorSchema) },
            '401': { description: 'Missing, invalid or revoked token', content: content(errorSchema) },
            '404': { description: 'Unknown commune', content: content(errorSchema) },
          },
        },
      },
      '/api/handoffs': {
        post: {
          operationId: 'registerHandoff',
          summary: "Registers a caller's context before transferring the call to the department's Relais number",
          security: [{ handoffToken: [] }, { departmentToken: [] }],
          requestBody: { required: true, content: content(handoffSchema) },
          responses: {
            '201': { description: 'Registered', content: content(z.object({ id: z.string(), caller: z.string(), expiresAt: z.string() })) },
            '400': { description: 'Every bad field listed', content: content(errorSchema) },
            '401': { description: 'Missing or invalid token', content: content(errorSchema) },
            '403': { description: 'Hand-offs are not enabled on this server', content: content(errorSchema) },
          },
        },
      },
    },
  };
}
