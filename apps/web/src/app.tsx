/** The app shell: providers (theme, notifications, queries) and the routes. */
import { Center, createTheme, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';

import { EditorPage } from './editor/editor-page';
import { ExternalStagesPage } from './external-stages/external-stages-page';
import { FlowListPage } from './flows/flow-list-page';
import { Link, matchRoute, usePath } from './lib/router';
import { queryClient } from './lib/trpc';
import { useUnauthorized } from './lib/unauthorized';
import { UnauthorizedPage } from './lib/unauthorized-page';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <Routes />
      </QueryClientProvider>
    </MantineProvider>
  );
}

function Routes() {
  const route = matchRoute(usePath());
  if (useUnauthorized()) return <UnauthorizedPage />;
  switch (route.name) {
    case 'flows':
      return <FlowListPage />;
    case 'editor':
      return (
        <EditorPage
          key={`${route.flowId}/${route.runId ?? ''}`}
          flowId={route.flowId}
          {...(route.runId === undefined ? {} : { runId: route.runId })}
        />
      );
    case 'external-stages':
      return <ExternalStagesPage />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">
          There is nothing here. <Link href="/">Back to the flows</Link>
        </Text>
      </Stack>
    </Center>
  );
}
