// @vitest-environment jsdom
import type { EdgeProps, EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import type { ComponentType, ProfilerOnRenderCallback } from 'react';
import { act, Profiler } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import type { EditorStore } from '../store/editor-store';
import { StageInspector } from '../inspector/stage-inspector';
import { EditorStoreProvider, useEditorStoreApi } from '../store/editor-context';
import { FlowCanvas } from './flow-canvas';

/**
 * Renders per node and link id after mounting, counted by a Profiler around each node and link
 * component: it sees both React Flow drawing a node again and the node's own store
 * subscriptions firing, so a count of zero means the element did no work at all.
 */
const renders = new Map<string, number>();
const count: ProfilerOnRenderCallback = (id, phase) => {
  if (phase !== 'mount') renders.set(id, (renders.get(id) ?? 0) + 1);
};

function counted<P extends NodeProps | EdgeProps>(types: Record<string, ComponentType<P>>) {
  return Object.fromEntries(
    Object.entries(types).map(([type, Component]) => [
      type,
      (props: P) => (
        <Profiler id={props.id} onRender={count}>
          <Component {...props} />
        </Profiler>
      ),
    ]),
  );
}

vi.mock('./node-types', async (importOriginal) => {
  const real = await importOriginal<{ nodeTypes: NodeTypes; edgeTypes: EdgeTypes }>();
  return { nodeTypes: counted(real.nodeTypes), edgeTypes: counted(real.edgeTypes) };
});

beforeAll(() => {
  // What jsdom lacks and React Flow and Mantine ask for. jsdom lays nothing out, so every
  // element measures 240 by 60 and is reported once when observed; measured nodes are what
  // React Flow needs before it draws the links between them.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: (entries: { target: Element }[]) => void) {}
      observe(target: Element) {
        queueMicrotask(() => this.callback([{ target }]));
      }
      unobserve = () => undefined;
      disconnect = () => undefined;
    },
  );
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { get: () => 240 },
    offsetHeight: { get: () => 60 },
  });
  vi.stubGlobal(
    'DOMMatrixReadOnly',
    class {
      m22 = 1;
    },
  );
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: false,
    media,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  // Mantine's autosizing text boxes listen for fonts loading.
  Object.defineProperty(document, 'fonts', { value: new EventTarget() });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
});

let unmount: (() => void) | undefined;
afterEach(() => {
  act(() => unmount?.());
  renders.clear();
});

/** A chain of `size` filters, each linked to the next, laid out in a grid, plus one note. */
function bigFlow(size: number): FlowDocument {
  const stages = Array.from({ length: size }, (_, i) => ({
    id: `s${i}`,
    type: 'filter',
    typeVersion: 1,
    label: `Filter ${i}`,
    position: { x: (i % 25) * 260, y: Math.floor(i / 25) * 120 },
    config: { condition: 'TRUE' },
  }));
  const links = stages.slice(1).map((stage, i) => ({
    id: `l${i}`,
    source: { stageId: `s${i}`, port: 'out' },
    target: { stageId: stage.id, port: 'in' },
  }));
  const notes = [{ id: 'note-1', position: { x: 0, y: -200 }, text: '# Big flow' }];
  return { ...emptyFlowDocument(), stages, links, notes };
}

/** Mounts the real canvas (and the inspector beside it) on `document`; returns its store. */
async function mountCanvas(
  document: FlowDocument,
  { inspector = false } = {},
): Promise<EditorStore> {
  let store: EditorStore | undefined;
  function Grab() {
    store = useEditorStoreApi();
    return null;
  }
  const host = window.document.createElement('div');
  window.document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <ReactFlowProvider>
            <EditorStoreProvider seed={{ flowId: 'f', name: 'Big', version: 1, document }}>
              <Grab />
              <div style={{ width: 1200, height: 800 }}>
                <FlowCanvas />
              </div>
              {inspector && (
                <Profiler id="inspector" onRender={count}>
                  <StageInspector />
                </Profiler>
              )}
            </EditorStoreProvider>
          </ReactFlowProvider>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  );
  unmount = () => root.unmount();
  // Let the measurements arrive and the links draw before counting starts.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(window.document.querySelectorAll('.react-flow__edge')).toHaveLength(document.links.length);
  renders.clear();
  if (!store) throw new Error('The canvas did not mount');
  return store;
}

/** The ids that rendered again since mounting. */
const rendered = () => [...renders.keys()].sort();

/**
 * What each change redraws in a flow of 100 stages: the count that matters does not depend
 * on the size, and how fast a 500-stage drag feels is the benchmark's to say, not a test's.
 */
describe('a large flow on the canvas', { timeout: 30_000 }, () => {
  it('redraws only the dragged stage and its two links while a stage is dragged', async () => {
    const store = await mountCanvas(bigFlow(100));
    for (const x of [10, 20, 30, 40]) {
      act(() =>
        store
          .getState()
          .onNodesChange([{ type: 'position', id: 's60', position: { x, y: 0 }, dragging: true }]),
      );
    }
    act(() =>
      store
        .getState()
        .onNodesChange([
          { type: 'position', id: 's60', position: { x: 50, y: 0 }, dragging: false },
        ]),
    );
    expect(rendered()).toEqual(['l59', 'l60', 's60']);
  });

  it('leaves the inspector of the dragged stage as it is', async () => {
    const store = await mountCanvas(bigFlow(100), { inspector: true });
    act(() => store.getState().selectStage('s60'));
    renders.clear();
    act(() =>
      store
        .getState()
        .onNodesChange([{ type: 'position', id: 's60', position: { x: 5, y: 5 }, dragging: true }]),
    );
    expect(rendered()).toEqual(['l59', 'l60', 's60']);
  });

  it('redraws only the stages whose selection changed', async () => {
    const store = await mountCanvas(bigFlow(100));
    act(() => store.getState().selectStage('s10'));
    act(() => store.getState().selectStage('s11'));
    expect(rendered()).toEqual(['s10', 's11']);
  });

  it('redraws only the edited stage when one config changes', async () => {
    const store = await mountCanvas(bigFlow(100));
    act(() => store.getState().updateStageConfig('s50', { condition: 'amount > 1' }));
    expect(rendered()).toEqual(['s50']);
  });

  it('redraws only the note being typed in', async () => {
    const store = await mountCanvas(bigFlow(100));
    act(() => store.getState().editNote('note-1', '# Big flow, annotated'));
    expect(rendered()).toEqual(['note-1']);
  });
});
