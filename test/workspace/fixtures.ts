// Two departments that switched Relais on, each with its own Relais SMS number, for the workspace suites.
import { parseDepartments } from '../../src/directory/departments.js';

export const LOZERE_SMS = '+33939000000';
export const HAUTE_SAVOIE_SMS = '+33939000074';

export const twoDepartments = () =>
  parseDepartments([
    { code: '48', name: 'Lozère', platformPhone: '04 66 00 00 00', voiceNumber: '+33466000099', smsNumber: LOZERE_SMS, whiteZoneRadiusKm: 30 },
    { code: '74', name: 'Haute-Savoie', platformPhone: '04 50 00 00 00', voiceNumber: '+33450000099', smsNumber: HAUTE_SAVOIE_SMS },
  ]);
