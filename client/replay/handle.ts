/**
 * What the viewer exposes on `window.__replay`, so end-to-end tests (and the benchmark) can
 * check what it verified and where it is without reading pixels.
 */
import type { Annotation } from './annotations';
import type { ReplayView } from './sync';

/** 'waiting': a student's class link, before the instructor starts presenting. */
export type ReplayStatus = 'idle' | 'waiting' | 'loading' | 'ready' | 'error';

export interface ReplayHandle {
  status: ReplayStatus;
  /** The LogError (or file) message when status is 'error'. */
  error: string | null;
  /** The round a failure names, when it names one. */
  errorRound: number | null;
  round: number;
  /** Rounds in the log (the scrubber runs 0 … rounds). */
  rounds: number;
  /** The state hashes this browser computed while verifying, index = round. */
  hashes: string[];
  view: ReplayView;
  townId: string;
  annotations: Annotation[];
  /** 'alone', 'presenting', 'following' or 'detached'. */
  sync: string;
  /** Following, with the follower's own town shown at the presenter's round. */
  mine: boolean;
  /** Milliseconds the verification took in this browser. */
  verifyMs: number;
  /** Milliseconds from opening the file to a ready viewer: read, parse, verify, first layout. */
  loadMs: number;
}

declare global {
  interface Window {
    __replay?: ReplayHandle;
  }
}

export function createHandle(): ReplayHandle {
  const handle: ReplayHandle = {
    status: 'idle',
    error: null,
    errorRound: null,
    round: 0,
    rounds: 0,
    hashes: [],
    view: 'town',
    townId: '',
    annotations: [],
    sync: 'alone',
    mine: false,
    verifyMs: 0,
    loadMs: 0,
  };
  window.__replay = handle;
  return handle;
}
