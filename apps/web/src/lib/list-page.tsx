import type { ReactNode } from 'react';
import { Alert, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

import { AppHeader } from './app-header';
import { errorMessage } from './trpc';

/** The state of the query behind a list, as TanStack Query reports it. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: readonly T[] | undefined;
}

interface ListPageProps<T> {
  title: string;
  description: string;
  /** The button that creates an item, beside the title. */
  action: ReactNode;
  list: ListQuery<T>;
  /** What the list holds, for the load error: "the flows". */
  noun: string;
  /** Shown instead of the table while the list is empty. */
  empty: ReactNode;
  /** The table of a list that has items. */
  children: (items: readonly T[]) => ReactNode;
}

/** A page listing items: title and action, then a loader, the load error, the empty state or the table. */
export function ListPage<T>({
  title,
  description,
  action,
  list,
  noun,
  empty,
  children,
}: ListPageProps<T>) {
  return (
    <>
      <AppHeader />
      <Container size="lg" py="xl">
        <Group justify="space-between" mb="lg">
          <Stack gap={2}>
            <Title order={2}>{title}</Title>
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          </Stack>
          {action}
        </Group>
        {list.isPending && <Loader />}
        {list.isError && (
          <Alert color="red" icon={<IconAlertTriangle />} title={`Could not load ${noun}`}>
            {errorMessage(list.error)}
          </Alert>
        )}
        {list.data?.length === 0 && empty}
        {list.data && list.data.length > 0 && (
          <Paper withBorder radius="md">
            {children(list.data)}
          </Paper>
        )}
      </Container>
    </>
  );
}
