// The `reachPerson` flow service: can a person of the department take this call now? Inputs `calledDepartement`
// (the department whose number was called) and `departement` (the caller's, from a search). Outcomes `open`
// (`transferNumber` in E.164, `platformName`), `closed` (`platformName`, `platformHours`: a callback is offered instead)
// and `none` (no department with a platform number is known: a callback request is the way to a person).
import type { ServiceResult, Vars } from '../engine/effects.js';
import { parsePhoneFr } from './format.js';
import { nextOpening } from './hours.js';
import type { DepartmentConfig } from './departments.js';

export function reachPersonService(options: { departments?: Map<string, DepartmentConfig>; now: () => number }) {
  return async (input: Vars): Promise<ServiceResult> => {
    const department = [input['calledDepartement'], input['departement']]
      .map((code) => (code ? options.departments?.get(code) : undefined))
      .find((d) => d?.platformPhone);
    const platform = parsePhoneFr(department?.platformPhone);
    if (!department || !platform) return { outcome: 'none' };
    const names = { platformName: department.name, platformHours: department.platformHours ?? '' };
    // Without known hours, the transfer is tried: a failed one comes back to the flow, which then offers a callback.
    if (department.platformOpeningHours && nextOpening(department.platformOpeningHours, options.now()).type !== 'open-now') return { outcome: 'closed', vars: names };
    return { outcome: 'open', vars: { ...names, transferNumber: platform.number } };
  };
}
