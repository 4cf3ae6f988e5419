/**
 * Every citation in the game's texts (events, scenarios) names a paper that exists and quotes a
 * phrase that occurs in it verbatim. The quotes are checked against the committed fixture
 * (tests/fixtures/citations.json) in every clone, and against the papers themselves where the
 * team's reference folder is beside the checkout (../shared/seeds); see tests/citations/.
 */
import { EVENT_AND_SCENARIO_CITATIONS } from '../citations/all-citations';
import { describeCitations } from '../citations/check';

describeCitations('event and scenario citations', EVENT_AND_SCENARIO_CITATIONS);
