/**
 * Decision family 5 (DESIGN §2): proposals to other towns (co-fund a centre, a joint market, a
 * river clean-up), replies to open proposals addressed to this town, and a short public
 * statement. Cooperation is where towns gain from fragmentation (003 §6, §7.3).
 */
import {
  LIMITS,
  SECTOR_IDS,
  type DiplomacyPlan,
  type ProposalDraft,
  type ProposalKind,
  type SectorId,
} from '../../../shared';
import { t } from '../../i18n';
import {
  domId,
  errorSlot,
  hint,
  radioGroup,
  selectField,
  statementField,
  type ControlHandle,
  type SectionContext,
} from '../controls';
import { h, setAttr, setText } from '../dom';
import { PROPOSAL_KINDS, proposalKindName, sectorName, townName } from '../labels';
import { openProposalsFor } from '../panel-model';
import { kindSectorParts, type Part, type SectionRenderer } from './section';

function setDiplomacy(ctx: SectionContext, patch: Partial<DiplomacyPlan>): void {
  ctx.emit('diplomacy', { ...ctx.current().diplomacy, ...patch });
}

function setProposal(ctx: SectionContext, index: number, patch: Partial<ProposalDraft>): void {
  const proposals = ctx.current().diplomacy.proposals.map((p, i) => {
    if (i !== index) return p;
    const next: ProposalDraft = { ...p, ...patch };
    // A river clean-up is about the shared river, not a sector.
    if (next.kind === 'riverCleanup' || !next.sector) delete next.sector;
    return next;
  });
  setDiplomacy(ctx, { proposals });
}

function otherTowns(ctx: SectionContext): { id: string; name: string }[] {
  return ctx.state.towns
    .filter((town) => town.id !== ctx.town.id)
    .map((town) => ({ id: town.id, name: townName(ctx.state, town.id) }));
}

/** Checkboxes of the towns a proposal goes to. */
function recipients(ctx: SectionContext, index: number): Part {
  const controlId = `proposal-${index}-to`;
  const id = domId(ctx, controlId);
  const error = errorSlot(`${id}-error`);
  const boxes = otherTowns(ctx).map((town) => {
    const box = h('input', { type: 'checkbox', id: `${id}-${town.id}`, value: town.id });
    box.addEventListener('change', () => {
      const current = ctx.current().diplomacy.proposals[index]?.to ?? [];
      const chosen = box.checked ? [...current, town.id] : current.filter((x) => x !== town.id);
      const ordered = otherTowns(ctx)
        .map((x) => x.id)
        .filter((x) => chosen.includes(x));
      setProposal(ctx, index, { to: ordered });
    });
    return box;
  });
  const sync = (draft: { diplomacy: DiplomacyPlan }): void => {
    const to = draft.diplomacy.proposals[index]?.to ?? [];
    for (const box of boxes) box.checked = to.includes(box.value);
  };
  sync(ctx.draft);
  const legend = t('panel:diplomacy.to');
  const element = h(
    'fieldset',
    { class: 'pp-field pp-checklist', id },
    h('legend', {}, legend),
    boxes.length > 0
      ? h(
          'div',
          { class: 'pp-checklist-options' },
          ...boxes.map((box, i) =>
            h(
              'div',
              { class: 'pp-check-row' },
              box,
              h('label', { for: box.id }, otherTowns(ctx)[i].name),
            ),
          ),
        )
      : h('p', { class: 'pp-note' }, t('panel:diplomacy.noTowns')),
    error,
  );
  const handle: ControlHandle = {
    id: controlId,
    label: () => `${t('panel:diplomacy.proposal', { n: index + 1 })} — ${legend}`,
    targets: boxes,
    error,
    describedBy: [],
    focus: () => boxes[0]?.focus(),
  };
  return { element, handle, sync };
}

function proposalRow(ctx: SectionContext, index: number): Part[] {
  const n = index + 1;
  const title = t('panel:diplomacy.proposal', { n });
  const read = (): ProposalDraft =>
    ctx.current().diplomacy.proposals[index] ?? { kind: 'riverCleanup', to: [] };
  const kindHintId = domId(ctx, `proposal-${index}-kind-hint`);
  const kindHint = h('p', { class: 'pp-hint', id: kindHintId });
  const kind = selectField(
    ctx,
    `proposal-${index}-kind`,
    t('panel:diplomacy.kind'),
    PROPOSAL_KINDS.map((k) => ({ value: k, label: proposalKindName(k) })),
    (plan) => plan.diplomacy.proposals[index]?.kind ?? 'riverCleanup',
    (value) => setProposal(ctx, index, { kind: value as ProposalKind }),
    [kindHintId],
  );
  const sector = selectField(
    ctx,
    `proposal-${index}-sector`,
    t('panel:diplomacy.sector'),
    [
      { value: '', label: t('panel:diplomacy.sectorNone') },
      ...SECTOR_IDS.map((s) => ({ value: s, label: sectorName(s) })),
    ],
    (plan) => plan.diplomacy.proposals[index]?.sector ?? '',
    (value) => setProposal(ctx, index, { sector: (value || undefined) as SectorId | undefined }),
  );
  const to = recipients(ctx, index);
  const remove = h(
    'button',
    { type: 'button', class: 'pp-remove', id: domId(ctx, `proposal-${index}-remove`) },
    t('panel:diplomacy.remove', { n }),
  );
  remove.addEventListener('click', () =>
    setDiplomacy(ctx, {
      proposals: ctx.current().diplomacy.proposals.filter((_, i) => i !== index),
    }),
  );
  const refresh = (): void => {
    setText(kindHint, t(`panel:diplomacy.kindHint.${read().kind}`));
    sector.select.disabled = read().kind === 'riverCleanup';
  };
  refresh();
  const row = h(
    'li',
    { class: 'pp-row' },
    h('p', { class: 'pp-row-title' }, title),
    h('div', { class: 'pp-row-fields' }, kind.element, sector.element),
    kindHint,
    to.element,
    remove,
  );
  return [
    ...kindSectorParts(
      row,
      title,
      kind,
      sector,
      { kind: 'panel:diplomacy.kind', sector: 'panel:diplomacy.sector' },
      refresh,
    ),
    { element: null, handle: to.handle, sync: to.sync },
  ];
}

function addProposal(ctx: SectionContext): Part {
  const id = domId(ctx, 'proposal-add');
  const limit = h(
    'p',
    { class: 'pp-note', id: `${id}-limit` },
    t('panel:diplomacy.limit', { max: LIMITS.maxProposals }),
  );
  const button = h('button', { type: 'button', class: 'pp-add', id }, t('panel:diplomacy.add'));
  const error = errorSlot(`${id}-error`);
  const refresh = (): void => {
    const full = ctx.current().diplomacy.proposals.length >= LIMITS.maxProposals;
    setAttr(button, 'aria-disabled', full || otherTowns(ctx).length === 0 ? 'true' : null);
    setAttr(button, 'aria-describedby', full ? limit.id : null);
    limit.hidden = !full;
  };
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    const first = otherTowns(ctx)[0];
    const sector = ctx.town.specialisedSector ?? SECTOR_IDS[0];
    const draft: ProposalDraft = { kind: 'cofundCentre', to: first ? [first.id] : [], sector };
    setDiplomacy(ctx, { proposals: [...ctx.current().diplomacy.proposals, draft] });
  });
  refresh();
  return {
    element: h('div', { class: 'pp-add-form' }, button, limit, error),
    handle: {
      id: 'proposal-add',
      label: () => t('panel:diplomacy.add'),
      targets: [],
      error,
      describedBy: [],
      focus: () => button.focus(),
    },
    sync: refresh,
  };
}

function responses(ctx: SectionContext): Part[] {
  const open = openProposalsFor(ctx.state, ctx.town.id);
  const id = domId(ctx, 'diplomacy-responses');
  const error = errorSlot(`${id}-error`);
  const heading = h('h4', { id: `${id}-h`, tabindex: -1 }, t('panel:diplomacy.responses'));
  const parts: Part[] = [
    {
      element: h(
        'div',
        { class: 'pp-responses', id },
        heading,
        hint(`${id}-hint`, 'diplomacy.responsesHint'),
        open.length === 0 ? h('p', { class: 'pp-note' }, t('panel:diplomacy.noResponses')) : null,
        error,
      ),
      handle: {
        id: 'diplomacy-responses',
        label: () => heading.textContent ?? '',
        targets: [],
        error,
        describedBy: [],
        focus: () => heading.focus(),
      },
    },
  ];
  for (const proposal of open) {
    const vars = {
      from: townName(ctx.state, proposal.from),
      kind: proposalKindName(proposal.kind),
      sector: proposal.sector ? sectorName(proposal.sector) : '',
    };
    const legend = t(proposal.sector ? 'panel:diplomacy.fromSector' : 'panel:diplomacy.from', vars);
    const read = (plan: { diplomacy: DiplomacyPlan }): string => {
      const reply = plan.diplomacy.responses.find((r) => r.proposalId === proposal.id);
      return reply ? (reply.accept ? 'accept' : 'decline') : 'none';
    };
    parts.push(
      radioGroup(
        ctx,
        `response-${proposal.id}`,
        legend,
        ['none', 'accept', 'decline'].map((value) => ({
          value,
          label: t(`panel:diplomacy.${value === 'none' ? 'noReply' : value}`),
        })),
        read,
        (value) => {
          const others = ctx
            .current()
            .diplomacy.responses.filter((r) => r.proposalId !== proposal.id);
          const reply =
            value === 'none' ? [] : [{ proposalId: proposal.id, accept: value === 'accept' }];
          setDiplomacy(ctx, { responses: [...others, ...reply] });
        },
      ),
    );
  }
  return parts;
}

function controls(ctx: SectionContext): Part[] {
  const sectionError = errorSlot(domId(ctx, 'diplomacy-section-error'));
  const sectionHandle: ControlHandle = {
    id: 'diplomacy-section',
    label: () => t('common:planSection.diplomacy'),
    targets: [],
    error: sectionError,
    describedBy: [],
    focus: () => undefined,
  };
  if (!ctx.state.diplomacy) {
    return [
      {
        element: h('div', {}, h('p', { class: 'pp-note' }, t('panel:diplomacy.off')), sectionError),
        handle: sectionHandle,
      },
    ];
  }
  const rows = ctx.draft.diplomacy.proposals.map((_, i) => proposalRow(ctx, i));
  return [
    { element: sectionError, handle: sectionHandle },
    {
      element: h(
        'h4',
        {},
        t('panel:diplomacy.proposals', {
          count: ctx.draft.diplomacy.proposals.length,
          max: LIMITS.maxProposals,
        }),
      ),
    },
    { element: hint(domId(ctx, 'proposals-hint'), 'diplomacy.proposalsHint') },
    {
      element:
        rows.length > 0
          ? h('ol', { class: 'pp-rows' }, ...rows.map((parts) => parts[0].element))
          : h('p', { class: 'pp-note' }, t('panel:diplomacy.noProposals')),
    },
    ...rows.flatMap((parts) => parts.slice(1)),
    addProposal(ctx),
    ...responses(ctx),
    statementField(
      ctx,
      'diplomacy-statement',
      LIMITS.maxStatementLength,
      (plan) => plan.diplomacy.statement ?? '',
      (statement) => setDiplomacy(ctx, { statement }),
    ),
  ];
}

export const diplomacySection: SectionRenderer = {
  section: 'diplomacy',
  shape: (ctx) =>
    [
      ctx.state.diplomacy,
      ctx.draft.diplomacy.proposals.length,
      openProposalsFor(ctx.state, ctx.town.id)
        .map((p) => p.id)
        .join(),
      ctx.state.towns.map((town) => town.id).join(),
    ].join('|'),
  controls,
};
