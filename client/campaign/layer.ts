/**
 * The campaign on top of the play screen, for solo games only: the scenario and its resume
 * code under the town's name, header buttons (glossary, tutorial, advisor, campaign), the
 * advisor's hints after each round, the tutorial, and the end report when the game is won or
 * lost (which also records the stars and unlocks the next scenario).
 */
import '../styles/campaign.css';
import { copyText, h } from '../app/dom';
import { onLanguageChange, t } from '../i18n';
import type { Session } from '../net/session-client';
import { advisorBox } from './advisor';
import { campaignEntries, text } from './catalog';
import { openEndReport } from './end-report';
import { townReasons } from '../net/reasons';
import { openGlossary } from './glossary';
import { formatResumeCode, nextEntry } from './progress';
import { requestCampaign, type CampaignView } from './routes';
import { entryOfSession, resumeCodeOf } from './solo';
import { SoloState } from './solo-state';
import { advisorEnabled, noteGame, saveStars, setAdvisorEnabled } from './store';
import { mountTutorial } from './tutorial';

export function mountCampaignLayer(shell: HTMLElement, session: Session): () => void {
  const entry = entryOfSession(session);
  const solo = new SoloState(session);
  const code = resumeCodeOf(session);

  // ---- under the town's name: scenario and resume code (one line, phones are short) --------
  const scenarioText = h('span', { class: 'cg-play-title' });
  const codeLabel = h('span', { class: 'cg-code-label' });
  const codeText = h('code', { id: 'cg-resume-code', class: 'cg-resume-code' });
  const copy = h('button', { type: 'button', class: 'cg-copy', id: 'cg-copy' });
  const copied = h('span', { class: 'cg-copied', role: 'status' });
  const codePart = h(
    'span',
    { class: 'cg-play-code' },
    '· ',
    codeLabel,
    ' ',
    codeText,
    ' ',
    copy,
    copied,
  );
  codePart.hidden = !code;
  if (code) codeText.textContent = formatResumeCode(code);
  const scenarioLine = h('p', { class: 'cg-play-scenario' }, scenarioText, ' ', codePart);
  shell.querySelector('.play-heading')?.append(scenarioLine);

  // ---- header buttons ------------------------------------------------------------------------------
  const glossaryButton = h('button', { type: 'button', id: 'cg-glossary-open' });
  const tutorialButton = h('button', { type: 'button', id: 'cg-tutorial-open' });
  const advisorButton = h('button', { type: 'button', id: 'cg-advisor-toggle' });
  const reportButton = h('button', { type: 'button', id: 'cg-report-open', hidden: true });
  const campaignButton = h('button', { type: 'button', id: 'cg-campaign-open' });
  const tools = shell.querySelector('.play-tools');
  tools?.insertBefore(
    h(
      'span',
      { class: 'cg-tools' },
      reportButton,
      glossaryButton,
      tutorialButton,
      advisorButton,
      campaignButton,
    ),
    tools.querySelector('.play-connection'),
  );

  // ---- advisor, under the scene ------------------------------------------------------------------
  let advisorOn = advisorEnabled();
  const setAdvisor = (on: boolean): void => {
    advisorOn = on;
    setAdvisorEnabled(on);
    render();
  };
  const advisor = advisorBox(() => {
    setAdvisor(false);
    advisorButton.focus();
  });
  const mainColumn = shell.querySelector('.ct-main');
  mainColumn?.insertBefore(advisor.element, mainColumn.querySelector('.play-news-box'));

  // ---- tutorial ------------------------------------------------------------------------------------
  const tutorial = mountTutorial(shell, session, {
    autoStart: entry?.tutorial ?? false,
    onFinish: () => tutorialButton.focus(),
  });

  // ---- leaving for the campaign screen --------------------------------------------------------------
  const leaveTo = (view: CampaignView): void => {
    closeReport?.();
    void session.leave().finally(() => requestCampaign(view));
  };

  // ---- end report ------------------------------------------------------------------------------------
  let closeReport: (() => void) | null = null;
  let reported = false;
  const showReport = (): void => {
    const outcome = solo.outcome();
    if (!entry || outcome.status === 'playing' || closeReport) return;
    const next = nextEntry(campaignEntries(), entry.id);
    closeReport = openEndReport({
      entry,
      outcome,
      history: (session.townId && session.privateOf(session.townId)?.history) || [],
      reasons: session.townId ? townReasons(session, session.townId) : [],
      next,
      onNext: () => next && leaveTo({ screen: 'briefing', entryId: next.id }),
      onRetry: () => leaveTo({ screen: 'briefing', entryId: entry.id }),
      onCampaign: () => leaveTo({ screen: 'list' }),
      onClose: () => {
        closeReport = null;
        reportButton.focus();
      },
    });
  };

  function render(): void {
    const outcome = solo.outcome();
    scenarioText.textContent = entry
      ? t('campaign:play.scenario', { title: text(entry.title) })
      : t('campaign:play.solo');
    codeLabel.textContent = t('campaign:play.resumeCode');
    copy.textContent = t('campaign:play.copy');
    glossaryButton.textContent = t('campaign:play.glossary');
    tutorialButton.textContent = t('campaign:play.tutorial');
    advisorButton.textContent = t(
      advisorOn ? 'campaign:play.advisorOn' : 'campaign:play.advisorOff',
    );
    advisorButton.setAttribute('aria-pressed', String(advisorOn));
    reportButton.textContent = t('campaign:play.report');
    reportButton.hidden = outcome.status === 'playing';
    campaignButton.textContent = t('campaign:play.campaign');
    advisor.update(solo.advisor(), session.resolvedRounds, advisorOn);
  }

  const onChange = (): void => {
    render();
    tutorial.refresh();
    const outcome = solo.outcome();
    noteGame(session.code, {
      round: session.round,
      rounds: session.state.rounds,
      status: outcome.status,
    });
    if (outcome.status !== 'playing' && !reported) {
      reported = true;
      if (entry && outcome.status === 'won') saveStars(entry.id, outcome.stars);
      showReport();
    }
  };

  glossaryButton.addEventListener('click', () => openGlossary(glossaryButton));
  tutorialButton.addEventListener('click', () => tutorial.restart());
  advisorButton.addEventListener('click', () => setAdvisor(!advisorOn));
  reportButton.addEventListener('click', showReport);
  campaignButton.addEventListener('click', () => leaveTo({ screen: 'list' }));
  copy.addEventListener('click', () => {
    // Without a clipboard (plain http) the code is selected for copying by hand.
    void copyText(codeText.textContent ?? '', codeText).then((done) => {
      copied.textContent = done ? t('campaign:play.copied') : t('campaign:play.selected');
    });
  });

  const offChange = session.onChange(onChange);
  const offLanguage = onLanguageChange(render);
  onChange();
  return () => {
    offChange();
    offLanguage();
    closeReport?.();
    tutorial.destroy();
    advisor.element.remove();
    scenarioLine.remove();
    tools?.querySelector('.cg-tools')?.remove();
  };
}
