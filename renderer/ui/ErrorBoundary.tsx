/**
 * Keeps a failure while showing one pane from blanking the window: React unmounts the whole
 * tree on an uncaught render error, and one stored quote that broke re-anchoring used to leave
 * a white page on every start, Export and Undo out of reach. The pane shows what failed and
 * a "Try again" instead; the header and the other panes go on working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the pane shows, for the message: "the document list", "the document “Interview 3”". */
  what: string;
  /** When this changes (another document opened), a failed pane tries again by itself. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" className="pane-error">
        <p>
          <strong>Something went wrong while showing {this.props.what}.</strong> The rest of the window still works; nothing
          was changed.
        </p>
        <p className="pane-error-detail">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
