/**
 * The missions panel's state: the library (follows `missions:library`), the tasks (follow `missions:task`), the
 * route being edited (editor.ts reducer), the route shown on the map, and whether clicks add waypoints.
 */
import { createStore } from 'zustand/vanilla';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { FlightTask, WaylineDetail, WaylineSummary } from '../../../../shared/ipc/missions';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from './editor';

export type MissionsView = 'library' | 'editor' | 'task';

export interface MissionsState {
  readonly open: boolean;
  readonly view: MissionsView;
  readonly library: readonly WaylineSummary[];
  /** Stored route shown on the map and in the task view (the editor draws its own draft). */
  readonly shown: WaylineDetail | null;
  readonly editor: EditorState;
  /** While true, a click on the globe adds a waypoint. */
  readonly drawing: boolean;
  /** The dock the route is planned for and sent to (its position is the take-off point). */
  readonly dockSn: string | null;
  readonly tasks: Readonly<Record<string, FlightTask>>;
  /** The task followed on the map (its current waypoint is highlighted). */
  readonly watching: string | null;
  readonly message: { readonly ok: boolean; readonly text: string; readonly lines?: readonly string[] } | null;
}

export const missionsStore = createStore<MissionsState>(() => ({
  open: false,
  view: 'library',
  library: [],
  shown: null,
  editor: emptyEditor(),
  drawing: false,
  dockSn: null,
  tasks: {},
  watching: null,
  message: null,
}));

export const edit = (a: EditorAction): void => missionsStore.setState((s) => ({ editor: editorReducer(s.editor, a) }));
export const say = (ok: boolean, text: string, lines?: readonly string[]): void => missionsStore.setState({ message: { ok, text, ...(lines ? { lines } : {}) } });
export const setView = (view: MissionsView): void => missionsStore.setState((s) => ({ view, drawing: view === 'editor' ? s.drawing : false }));

const byId = (list: readonly FlightTask[]): Record<string, FlightTask> => Object.fromEntries(list.map((t) => [t.flightId, t]));

/** Tasks newest first, for the task list. */
export const taskList = (s: MissionsState): FlightTask[] => Object.values(s.tasks).sort((a, b) => b.createdAt - a.createdAt);

export async function showWayline(client: OutpostClient, id: string | null): Promise<void> {
  if (id === null) return void missionsStore.setState({ shown: null });
  const r = await client.invoke('missions:get', { id });
  if (r.ok) missionsStore.setState({ shown: r.value });
  else say(false, r.error.message);
}

/** Loads the library and recent tasks, then follows the core's events. */
export function connectMissions(client: OutpostClient): () => void {
  const offs = [
    client.on('missions:library', (library) => missionsStore.setState({ library })),
    client.on('missions:task', (t) => missionsStore.setState((s) => ({ tasks: { ...s.tasks, [t.flightId]: t } }))),
  ];
  client.invoke('missions:list', undefined).then(
    (library) => missionsStore.setState({ library }),
    (e: unknown) => say(false, `Could not load the mission library: ${String(e)}`),
  );
  client.invoke('missions:tasks', { limit: 50 }).then(
    (list) => missionsStore.setState((s) => ({ tasks: { ...byId(list), ...s.tasks } })),
    (e: unknown) => say(false, `Could not load the flight tasks: ${String(e)}`),
  );
  return () => {
    for (const off of offs) off();
  };
}
