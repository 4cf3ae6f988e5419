/**
 * Private objectives of the role-play portfolios (issue 3): each member of a town's government
 * is judged on the indicator their bureau answers for, so a team argues over the plan as local
 * governments do (the environment bureau against investment promotion, 003 §7.4).
 */
import type { RoleObjective } from '../../shared/protocol/messages';
import type { Portfolio } from '../../shared/protocol/roles';

export function objectivesFor(): Record<Portfolio, RoleObjective> {
  return {
    mayor: { metric: 'score', direction: 'up' },
    investment: { metric: 'fdiStock', direction: 'up' },
    construction: { metric: 'gdp', direction: 'up' },
    science: { metric: 'patents', direction: 'up' },
    environment: { metric: 'pollution', direction: 'down' },
  };
}
