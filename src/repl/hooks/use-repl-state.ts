// useReplState: the controller's state, re-rendering when it changes.

import { useSyncExternalStore } from 'react';
import type { ReplController, ReplState } from '../repl-controller.js';

export function useReplState(controller: ReplController): ReplState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
