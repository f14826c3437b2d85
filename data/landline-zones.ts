// The departments behind each French landline prefix (ARCEP's geographic numbering plan: 01 Île-de-France, 02
// North-West, 03 North-East, 04 South-East, 05 South-West, and the overseas prefixes). Approximate by nature (a
// number can move with its owner), so it is only used to prefer one commune among homonyms, never to place someone.
// Source: https://www.arcep.fr/la-regulation/grands-dossiers-thematiques-transverses/la-numerotation.html (2026-11).
export const landlineDepartements: Record<string, string[]> = {
  '01': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '02': ['14', '18', '22', '27', '28', '29', '35', '36', '37', '41', '44', '45', '49', '50', '53', '56', '61', '72', '76', '85'],
  '03': ['02', '08', '10', '21', '25', '39', '51', '52', '54', '55', '57', '58', '59', '60', '62', '67', '68', '70', '71', '80', '88', '89', '90'],
  '04': ['01', '03', '04', '05', '06', '07', '11', '13', '15', '26', '30', '34', '38', '42', '43', '48', '63', '66', '69', '73', '74', '83', '84', '2A', '2B'],
  '05': ['09', '12', '16', '17', '19', '23', '24', '31', '32', '33', '40', '46', '47', '64', '65', '79', '81', '82', '86', '87'],
  // Overseas: four digits decide.
  '0262': ['974'],
  '0263': ['974'],
  '0269': ['976'],
  '0590': ['971'],
  '0594': ['973'],
  '0596': ['972'],
};
