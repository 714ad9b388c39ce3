import { describe, expect, it } from 'vitest';
import { rightsLabel } from '../../../../core/content/rights.ts';

describe('rights labels', () => {
  it('names Creative Commons licences and RightsStatements.org statements briefly', () => {
    expect(rightsLabel('https://creativecommons.org/licenses/by/4.0/')).toBe('CC BY 4.0');
    expect(rightsLabel('https://creativecommons.org/licenses/by-nc-sa/4.0/')).toBe('CC BY-NC-SA 4.0');
    expect(rightsLabel('https://creativecommons.org/publicdomain/zero/1.0/')).toBe('CC0 1.0');
    expect(rightsLabel('http://rightsstatements.org/vocab/InC/1.0/')).toBe('In Copyright');
    expect(rightsLabel('http://rightsstatements.org/vocab/NoC-US/1.0/')).toBe('No Copyright – United States');
  });
});
