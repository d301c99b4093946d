import type { Components } from 'react-markdown';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

import classes from './note-node.module.css';

/** Links leave the editor for a tab of their own, so following one never loses the flow. */
const COMPONENTS: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

/**
 * A note's Markdown as formatted text (GitHub's flavour: tables, task lists, strikethrough).
 * Raw HTML in the text is dropped, never drawn, and unsafe link targets are removed.
 */
export function NoteMarkdown({ text }: { text: string }) {
  if (text.trim() === '') {
    return (
      <div className={classes.markdown}>
        <span className={classes.placeholder}>Double-click to write a note in Markdown</span>
      </div>
    );
  }
  return (
    <div className={`${classes.markdown} nowheel`} data-testid="note-markdown">
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
