import { Alert, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

import { accessToken } from './access-token';

/** Shown in place of the app when the server refuses the access token. */
export function UnauthorizedPage() {
  return (
    <Center h="100vh" p="md" data-testid="unauthorized-page">
      <Stack maw={560} gap="md">
        <Title order={2}>This Sluice server needs its access token</Title>
        <Alert color="yellow" icon={<IconLock />} variant="light">
          {accessToken === undefined
            ? 'The page was opened without the access token, so the server refuses every request.'
            : 'The access token this tab holds was refused; it may belong to an earlier start of the server.'}
        </Alert>
        <Text>
          Open the address the server printed when it started; it ends with <Code>?token=…</Code>.
          You can also add <Code>?token=&lt;access token&gt;</Code> to this page&apos;s address
          yourself: the token is <Code>SLUICE_ACCESS_TOKEN</Code> in the server&apos;s environment.
        </Text>
        <Text size="sm" c="dimmed">
          The token is kept for this tab only and removed from the address bar once read.
        </Text>
      </Stack>
    </Center>
  );
}
