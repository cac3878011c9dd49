// React: the generated wrappers of @citopia/react. Data goes in as props (set as properties),
// and every citopia-* event is an onCitopia… prop with a typed detail.
import React from 'react';
import { CitopiaServiceFinder } from '@citopia/react';

export function Services({ catalogue, onSearch }: { catalogue: unknown; onSearch: (count: number) => void }) {
  return <CitopiaServiceFinder services={catalogue} onCitopiaSearch={(event) => onSearch(event.detail.count)} />;
}
