// The flow services of orientations: `relayRead` reads a relay's one-message description of the person (commune,
// need, constraints), and `orient` records the orientation to the place chosen by its rank in the search just shown.
import { createOrientation } from './create.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { OrientationRepository, NewOrientation } from '../db/orientation-repository.js';
import { frenchPhoneE164 } from '../directory/format.js';
import { fillTemplate } from '../engine/template.js';
import type { Procedure } from '../knowledge/procedure-schema.js';
import type { UnderstandingReader } from '../knowledge/understanding/reading.js';
import type { OrientationEvents } from './change-status.js';
import { constraintsIn } from './constraints.js';
import type { PersonConstraint } from './statuses.js';
import { issueToken, SHEET_TOKEN_DAYS } from './tokens.js';

export interface OrientWording {
  constraints: Record<PersonConstraint, { label: string; words: string[] }>;
  readerConstraints: Record<string, PersonConstraint>;
  senderLabels: { person: string; relay: string };
}

export interface OrientDeps {
  repository: OrientationRepository;
  events: OrientationEvents;
  /** The conversations' place search (the `nearestPlaces` service). */
  findPlaces: (input: Vars, context?: { channel: string; address?: string }) => Promise<ServiceResult>;
  reader: UnderstandingReader;
  procedures: Procedure[];
  wording: OrientWording;
  now: () => number;
  publicBaseUrl?: string | undefined;
}

/** Input `text`. Outcomes: `found` (`location`, `need`, procedure, `constraints` codes, `constraintsText`), `noPlace` (where is not said), `error`. */
export function relayReadService(deps: Pick<OrientDeps, 'reader' | 'procedures' | 'wording'>) {
  const titles = new Map(deps.procedures.map((p) => [p.id, p.title]));
  return async (input: Vars, context?: { channel: string; address?: string }): Promise<ServiceResult> => {
    const text = input['text'] ?? '';
    const reading = await deps.reader.read(text, { ...(context?.channel ? { channel: context.channel } : {}) });
    const constraints = constraintsIn(text, reading.constraints, { words: deps.wording.constraints, reader: deps.wording.readerConstraints });
    const vars: Vars = {
      need: reading.need ?? 'demarches',
      procedureId: reading.procedureId ?? '',
      procedureTitle: reading.procedureId ? (titles.get(reading.procedureId) ?? '') : '',
      constraints: constraints.join(','),
      constraintsText: constraints.map((c) => deps.wording.constraints[c].label).join(', '),
    };
    const location = reading.location?.query ?? reading.locationChoices?.[0]?.query;
    if (!location) return { outcome: 'noPlace', vars };
    return { outcome: 'found', vars: { ...vars, location } };
  };
}

/**
 * Input: `location`, `need`, `rank` (1…3, the place in the search just shown), `procedureId`, `procedureTitle`,
 * `constraints`, `callConsent` (`yes`: the person agreed to be called), `contact` (the number a relay typed),
 * `calledDepartement`. The sender is the relay whose number wrote, else the person. Outcomes: `created`
 * (`orientedPlace`, `sheetLink` for a relay), `noPlace` (no place at that rank), `invalidNumber`, `error`.
 */
export function orientService(deps: OrientDeps) {
  return async (input: Vars, context?: { channel: string; address?: string; via?: string }): Promise<ServiceResult> => {
    const address = context?.address ?? '';
    const rank = Number.parseInt(input['rank'] ?? '1', 10);
    if (!Number.isInteger(rank) || rank < 1 || rank > 10) return { outcome: 'noPlace' };
    const search = await deps.findPlaces(
      { query: input['location'] ?? '', need: input['need'] ?? '', limit: '1', offset: String(rank - 1), maxDistanceKm: '25', askWhichCommune: 'no', near: input['calledDepartement'] ?? '' },
      { channel: context?.channel ?? 'sms', address },
    );
    const place = search.items?.[0];
    const departement = search.vars?.['departement'] || input['calledDepartement'] || '';
    if (search.outcome !== 'found' || !place?.['placeId'] || !departement) return { outcome: 'noPlace' };

    const relay = await deps.repository.relayByPhone(address);
    const callConsent = input['callConsent'] === 'yes';
    let personContact: string | undefined;
    if (callConsent) {
      personContact = relay ? frenchPhoneE164(input['contact'] ?? '') : address;
      if (!personContact) return { outcome: 'invalidNumber' };
    }
    const at = deps.now();
    const constraints = (input['constraints'] ?? '').split(',').filter((c): c is PersonConstraint => Object.hasOwn(deps.wording.constraints, c));
    const orientation: NewOrientation = {
      id: crypto.randomUUID(),
      departement,
      need: input['need'] || undefined,
      procedureId: input['procedureId'] || undefined,
      procedureTitle: input['procedureTitle'] || undefined,
      constraints,
      commune: search.vars?.['commune'] || undefined,
      place: { id: place['placeId'], name: place['name'] ?? '', address: place['address'] ?? '', phone: place['phone'] || undefined, hours: place['hours'] || undefined },
      placeStructureId: await deps.repository.structureOfPlace(departement, place['placeId']),
      sender: relay
        ? {
            kind: 'relay',
            userId: relay.id,
            structureId: relay.structureId ?? undefined,
            label: fillTemplate(deps.wording.senderLabels.relay, { email: relay.email, structure: structureName(relay.structureType, relay.structureName) }),
            address,
          }
        : { kind: 'person', label: deps.wording.senderLabels.person },
      // A relay confirms the person's agreement; a senior gives their own by answering yes.
      consent: { by: relay ? relay.email : 'la personne', at, how: context?.channel ?? 'sms' },
      personContact,
    };
    // A senior who asked herself is followed up in her own conversation; a relay's person only at the number she gave.
    const reach = relay || !address ? undefined : { address, channel: context?.channel ?? 'sms', via: context?.via };
    await createOrientation(deps, orientation, at, reach);
    const vars: Vars = { orientedPlace: orientation.place.name, sheetLink: '', orientationId: orientation.id };
    if (relay) {
      const token = await issueToken(deps.repository, orientation.id, 'sheet', at, SHEET_TOKEN_DAYS);
      vars['sheetLink'] = `${(deps.publicBaseUrl ?? '').replace(/\/+$/, '')}/fiche/${token}`;
    }
    return { outcome: 'created', vars };
  };
}

/** « CCAS de Florac », not « CCAS CCAS de Florac »: the type only when the name does not already say it. */
export function structureName(type: string | null, name: string | null): string {
  if (!name) return type ?? '';
  return type && !name.toLowerCase().includes(type.toLowerCase()) ? `${type} ${name}` : name;
}

