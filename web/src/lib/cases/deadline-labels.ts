// How answer-by dates read on the dashboard, in the viewer's language: the
// group titles and each request's line, which names the state in words (not
// colour alone) and the date in the viewer's own calendar.
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import type { Deadline, DeadlineState } from './dashboard.ts';

/** From how many days before its answer-by date a request counts as due soon. */
export const DUE_SOON_DAYS = 7;

export function deadlineGroupTitle(state: DeadlineState): string {
	switch (state) {
		case 'overdue':
			return m.cases_deadline_group_overdue();
		case 'due-soon':
			return m.cases_deadline_group_due_soon({ days: DUE_SOON_DAYS });
		case 'later':
			return m.cases_deadline_group_later();
		case 'none':
			return m.cases_deadline_group_none();
	}
}

/** A calendar date (YYYY-MM-DD) written the viewer's way, without shifting it through a time zone. */
export function formatCalendarDate(date: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

export function deadlineLine(deadline: Deadline, locale: Locale): string {
	const date = formatCalendarDate(deadline.date, locale);
	switch (deadline.state) {
		case 'overdue':
			return m.cases_deadline_overdue({ date, days: -deadline.daysLeft });
		case 'due-soon':
			return deadline.daysLeft === 0 ? m.cases_deadline_today({ date }) : m.cases_deadline_due_soon({ date, days: deadline.daysLeft });
		case 'later':
		case 'none':
			return m.cases_deadline_later({ date });
	}
}
