/**
 * Short labels for rights statements, shown beside every credit: "CC BY 4.0", "In Copyright".
 *
 * Runs in Node and in the browser.
 */

const RIGHTS_STATEMENTS: Record<string, string> = {
  InC: 'In Copyright',
  'InC-OW-EU': 'In Copyright – EU Orphan Work',
  'InC-EDU': 'In Copyright – Educational Use Permitted',
  'InC-NC': 'In Copyright – Non-Commercial Use Permitted',
  'InC-RUU': 'In Copyright – Rights-holder(s) Unlocatable',
  'NoC-CR': 'No Copyright – Contractual Restrictions',
  'NoC-NC': 'No Copyright – Non-Commercial Use Only',
  'NoC-OKLR': 'No Copyright – Other Known Legal Restrictions',
  'NoC-US': 'No Copyright – United States',
  CNE: 'Copyright Not Evaluated',
  UND: 'Copyright Undetermined',
  NKC: 'No Known Copyright',
};

/** The label of a RightsStatements.org or Creative Commons URI (the URI itself when unknown). */
export function rightsLabel(uri: string): string {
  const rs = /rightsstatements\.org\/vocab\/([A-Za-z-]+)\/1\.0\//.exec(uri);
  if (rs) return RIGHTS_STATEMENTS[rs[1]!] ?? rs[1]!;
  const cc = /creativecommons\.org\/licenses\/([a-z-]+)\/([0-9.]+)\//.exec(uri);
  if (cc) return `CC ${cc[1]!.toUpperCase()} ${cc[2]}`;
  if (/publicdomain\/zero\/1\.0/.test(uri)) return 'CC0 1.0';
  if (/publicdomain\/mark\/1\.0/.test(uri)) return 'Public Domain Mark 1.0';
  return uri;
}
