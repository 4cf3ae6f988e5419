/**
 * Class sync controls: present (publish every move), follow (apply the presenter's moves and
 * lock the timeline), detach to explore alone while the presenter's latest position is still
 * remembered, and re-attach to jump back to it. A follower who played in the class can also keep
 * the presenter's round while looking at their own town ("my town", issue 15), and switch back.
 * The presenter chooses whether the class sees every town's reasons; a student who opened the
 * class's link sees only its own town's until then (issue 15).
 */
import { t } from '../i18n';
import { h } from '../app/dom';
import type { PredictChannel, ReplayPosition, SyncChannel, SyncContext, SyncFactory } from './sync';

export type SyncMode = 'alone' | 'presenting' | 'following' | 'detached';

export interface SyncPanel {
  element: HTMLElement;
  mode(): SyncMode;
  /** Start following at once (a student who opened the class's replay link). */
  follow(): void;
  /** Called by the viewer after every move; publishes when presenting. */
  moved(position: ReplayPosition): void;
  /** Following, but showing the follower's own town at the presenter's round. */
  mine(): boolean;
  /** Whether this viewer must not see this town's reasons (a student, unless the class may). */
  hidesReason(townId: string): boolean;
  /** The class channel's predict, then reveal (issue 15), while presenting or following. */
  predict(): PredictChannel | null;
  relabel(): void;
  destroy(): void;
}

export function mountSync(
  factory: SyncFactory,
  context: SyncContext,
  current: () => ReplayPosition,
  apply: (position: ReplayPosition) => void,
  onMode: (mode: SyncMode) => void,
): SyncPanel {
  let mode: SyncMode = 'alone';
  let mine = false;
  let channel: SyncChannel | null = null;
  let unsubscribe: (() => void) | null = null;
  let latest: ReplayPosition | null = null;
  /** Presenter: the class sees every town's reasons. Follower: the presenter allowed it. */
  let shareReasons = false;
  let classReasons = false;
  /** A student who opened the class's link (a join code, no instructor key). */
  const student = Boolean(context.joinCode) && !context.instructorKey;
  const shareBox = h('input', { type: 'checkbox', id: 'replay-share-reasons' });
  const shareLabel = h('label', { for: shareBox.id });
  const share = h('div', { class: 'replay-sync-share' }, shareBox, shareLabel);
  shareBox.addEventListener('change', () => {
    shareReasons = shareBox.checked;
    if (mode === 'presenting') channel?.publish({ ...current(), reasons: shareReasons });
  });
  const status = h('p', { class: 'replay-sync-status', role: 'status', id: 'replay-sync-status' });
  const buttons = h('div', { class: 'replay-sync-buttons' });
  const element = h('div', { class: 'replay-sync' }, status, buttons);

  const button = (id: string, key: string, action: () => void, primary = false) => {
    const b = h(
      'button',
      { type: 'button', class: `btn btn-small${primary ? ' btn-primary' : ''}`, id },
      t(key),
    );
    b.addEventListener('click', action);
    return b;
  };

  function close(): void {
    unsubscribe?.();
    unsubscribe = null;
    channel?.close();
    channel = null;
    latest = null;
  }

  function setMode(next: SyncMode): void {
    mode = next;
    render();
    onMode(mode);
  }

  function present(): void {
    close();
    channel = factory('presenter', context);
    setMode('presenting');
    channel.publish({ ...current(), reasons: shareReasons });
  }

  function follow(): void {
    close();
    channel = factory('follower', context);
    unsubscribe = channel.subscribe((position) => {
      const first = latest === null;
      latest = position;
      const allowed = position.reasons === true;
      if (first || allowed !== classReasons) {
        classReasons = allowed;
        render();
        // Reasons shown or hidden at once, where the class is or where this student looks.
        if (mode !== 'following') onMode(mode);
      }
      if (mode === 'following') apply(position);
    });
    setMode('following');
  }

  function detach(): void {
    mine = false;
    setMode('detached');
  }

  function reattach(): void {
    mine = false;
    setMode('following');
    if (latest) apply(latest);
  }

  /** My town at the class's round, or back to exactly what the presenter shows. */
  function toggleMine(): void {
    mine = !mine;
    render();
    onMode(mode);
    if (latest) apply(latest);
  }

  function stop(): void {
    close();
    mine = false;
    setMode('alone');
  }

  function render(): void {
    // Following before the instructor presents: say so rather than look stuck.
    const waiting = mode === 'following' && latest === null;
    const state = waiting ? 'waiting' : mode === 'following' && mine ? 'mine' : mode;
    status.textContent = t(`replay:sync.status.${state}`);
    const own = context.ownTownId
      ? [button('replay-mine', mine ? 'replay:sync.classView' : 'replay:sync.mine', toggleMine)]
      : [];
    switch (mode) {
      case 'alone':
        buttons.replaceChildren(
          button('replay-present', 'replay:sync.present', present, true),
          button('replay-follow', 'replay:sync.follow', follow),
        );
        break;
      case 'presenting':
        shareBox.checked = shareReasons;
        shareLabel.textContent = t('replay:sync.shareReasons');
        buttons.replaceChildren(share, button('replay-stop', 'replay:sync.stopPresenting', stop));
        break;
      case 'following':
        buttons.replaceChildren(
          ...own,
          button('replay-detach', 'replay:sync.detach', detach, !context.ownTownId),
          button('replay-stop', 'replay:sync.stopFollowing', stop),
        );
        break;
      case 'detached':
        buttons.replaceChildren(
          button('replay-reattach', 'replay:sync.reattach', reattach, true),
          button('replay-stop', 'replay:sync.stopFollowing', stop),
        );
        break;
    }
  }

  render();
  return {
    element,
    mode: () => mode,
    follow,
    moved(position) {
      if (mode === 'presenting') channel?.publish({ ...position, reasons: shareReasons });
    },
    hidesReason: (townId) => student && !classReasons && townId !== context.ownTownId,
    mine: () => mode === 'following' && mine,
    predict: () => channel?.predict ?? null,
    relabel: render,
    destroy: close,
  };
}
