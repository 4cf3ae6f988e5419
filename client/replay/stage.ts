/**
 * The big picture of the viewer: the same Phaser scenes as live play, showing the chosen town
 * (its previous round as the "before" view, so closures and arrivals animate as they did) or the
 * regional map at the chosen round. One game instance, redrawn only when what it shows changed.
 */
import { publicTown } from '../../shared/protocol/public';
import type { MatchEvent, MatchState } from '../../shared';
import { createGame, type ClusterTownsGame, type MapProposal } from '../scenes';
import type { ReplayView } from './sync';

export interface StageFrame {
  state: MatchState;
  previous: MatchState | null;
  events: readonly MatchEvent[];
  view: ReplayView;
  townId: string;
  indicator: string;
}

export interface Stage {
  show(frame: StageFrame): void;
  showView(view: 'before' | 'after'): void;
  destroy(): void;
}

/** Proposals made in the round and statements posted, as the live map shows them. */
function mapProposals(frame: StageFrame): MapProposal[] {
  const out: MapProposal[] = frame.state.proposals
    .filter((p) => p.round === frame.state.round)
    .map((p) => ({ from: p.from, to: p.to, kind: p.kind }));
  for (const e of frame.events) {
    if (e.type === 'StatementPosted')
      out.push({ from: e.town, to: [], kind: 'statement', text: e.text });
  }
  return out;
}

export function mountStage(parent: HTMLElement, testMode: boolean): Stage {
  const game: ClusterTownsGame = createGame(parent, { testMode });
  let shown = '';
  let indicator = '';
  return {
    show(frame) {
      const key = `${frame.view}|${frame.state.round}|${frame.view === 'town' ? frame.townId : ''}`;
      if (key !== shown) {
        shown = key;
        const names = Object.fromEntries(frame.state.towns.map((t) => [t.id, t.name]));
        if (frame.view === 'town') {
          const town = frame.state.towns.find((t) => t.id === frame.townId);
          if (!town) return;
          game.showTown(
            town,
            frame.previous?.towns.find((t) => t.id === frame.townId),
            [...frame.events],
            names,
            {
              centres: frame.state.centres,
              centresBefore: frame.previous?.centres,
              towns: frame.state.towns.map((t) => ({ id: t.id, geo: t.geo })),
            },
          );
        } else {
          game.showRegion(
            frame.state.towns.map(publicTown),
            [...frame.events],
            mapProposals(frame),
          );
          indicator = '';
        }
      }
      if (frame.view === 'region' && frame.indicator !== indicator) {
        indicator = frame.indicator;
        game.setIndicator(frame.indicator);
      }
    },
    showView(view) {
      game.showView(view);
    },
    destroy() {
      game.destroy();
    },
  };
}
