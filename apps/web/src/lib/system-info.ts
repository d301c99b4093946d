import { useQuery } from '@tanstack/react-query';

import { trpc } from './trpc';

/** The server's `system.info` (target and version), fetched once per page load. */
export function useSystemInfo() {
  return useQuery(trpc.system.info.queryOptions(undefined, { staleTime: Infinity }));
}
