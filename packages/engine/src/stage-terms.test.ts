import { describe, expect, it } from 'vitest';

import { inStageTerms } from './stage-terms';

describe('inStageTerms', () => {
  const places = [
    { local: '/srv/data/', uri: 'stage://samples/' },
    { local: '/srv/data/sub/', uri: 'stage://nested/' },
    { local: '/srv/data/a.csv', uri: 'stage://samples/a.csv' },
  ];

  it('writes every server path as its stage:// form, the longest path first', () => {
    const sql = "COPY t TO '/srv/data/sub/x.csv.sluice-r1.tmp'; SELECT * FROM '/srv/data/a.csv'";
    expect(inStageTerms(sql, places)).toBe(
      "COPY t TO 'stage://nested/x.csv.sluice-r1.tmp'; SELECT * FROM 'stage://samples/a.csv'",
    );
  });

  it('reads the paths as text, not as patterns, and leaves other text alone', () => {
    const dotted = [{ local: '/srv/d.t/', uri: 'stage://dots/' }];
    expect(inStageTerms('/srv/dxt/a and /srv/d.t/a', dotted)).toBe('/srv/dxt/a and stage://dots/a');
    expect(inStageTerms('nothing here', [])).toBe('nothing here');
  });

  it('names a path quoted in SQL, its quotes doubled', () => {
    const quoted = [{ local: "/srv/o'data/", uri: "stage://o'samples/" }];
    expect(inStageTerms("FROM '/srv/o''data/a.csv'", quoted)).toBe(
      "FROM 'stage://o''samples/a.csv'",
    );
  });
});
