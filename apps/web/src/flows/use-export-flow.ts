/**
 * Export of a flow as a flow file the browser downloads (`<name>.sluice.json`): the saved
 * version, from the server, so the file is what another Sluice would import and run.
 */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';

import { flowFileText } from '@sluice/flow';

import { errorMessage, trpc } from '../lib/trpc';
import { flowFileName } from './flow-file-name';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = flowFileName(name);
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * `exportFlow(id)` downloads the file of the flow's latest version, or of `version`;
 * `exporting` is the id being exported.
 */
export function useExportFlow(): {
  exportFlow: (id: string, version?: number) => Promise<void>;
  exporting?: string;
} {
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState<string>();
  const exportFlow = async (id: string, version?: number): Promise<void> => {
    setExporting(id);
    try {
      // Always the file as saved now, never one cached from an earlier export.
      const file = await queryClient.fetchQuery({
        ...trpc.flow.exportFile.queryOptions(version === undefined ? { id } : { id, version }),
        staleTime: 0,
      });
      download(file.name, flowFileText(file));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: errorMessage(error) });
    } finally {
      setExporting(undefined);
    }
  };
  return exporting === undefined ? { exportFlow } : { exportFlow, exporting };
}
