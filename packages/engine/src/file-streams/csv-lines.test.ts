import { describe, expect, it } from 'vitest';

import { CSV } from '../../test/formats';
import { csvLine } from './csv-lines';
import { Digits } from './export-values';

describe('csvLine', () => {
  it('quotes a field holding the delimiter, the quote, a line break, a CR or #, and nothing else', () => {
    const line = csvLine(CSV);
    expect(line(['plain', 'a,b', 'say "hi"', 'l1\nl2', 'cr\r', '#1', '^-]\\'])).toBe(
      'plain,"a,b","say ""hi""","l1\nl2","cr\r","#1",^-]\\\n',
    );
  });

  it('writes NULL as the null string and quotes text equal to it', () => {
    expect(csvLine(CSV)([null, '', 'x'])).toBe(',"",x\n');
    const na = csvLine({ ...CSV, nullString: 'NA' });
    expect(na([null, 'NA', '', new Digits('7'), 1.5, true])).toBe('NA,"NA",,7,1.5,true\n');
  });

  it('takes any one character as delimiter, quote and escape, even those a pattern would read', () => {
    const odd = csvLine({ ...CSV, delimiter: ']', quote: '^', escape: '\\' });
    expect(odd(['a]b', 'x^y', 'back\\slash', '-'])).toBe('^a]b^]^x\\^y^]back\\slash]-\n');
    const tabs = csvLine({ ...CSV, delimiter: '\t' });
    expect(tabs(['a\tb', 'c'])).toBe('"a\tb"\tc\n');
  });
});
