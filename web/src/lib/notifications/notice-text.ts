// A notice in words, in the page's language: the kind and the counterpart
// authority, nothing of the case (the same line serves as a browser
// notification's title, see browser-notify.ts), and the page it leads to.
import type { Roster } from '#policies/roster/types.ts';
import { authorityName } from '../cases/labels.ts';
import * as m from '../paraglide/messages.js';
import { localizeHref } from '../paraglide/runtime.js';
import type { Notice, NoticeCategory } from './notices.ts';

export function noticeLine(notice: Notice, roster: Roster): string {
	const authority = authorityName(roster, notice.counterpart);
	switch (notice.category) {
		case 'new-request':
			return notice.urgent ? m.notice_new_urgent_request({ authority }) : m.notice_new_request({ authority });
		case 'awaits-us':
			return m.notice_awaits_us({ authority });
		case 'reminder':
			return m.notice_reminder({ authority });
		case 'mentions':
			return m.notice_mention({ authority });
	}
}

export const noticePath = (notice: Notice): string => localizeHref(`/cases/${encodeURIComponent(notice.room)}`);

export function categoryLabel(category: NoticeCategory): string {
	switch (category) {
		case 'new-request':
			return m.notice_category_new_request();
		case 'awaits-us':
			return m.notice_category_awaits_us();
		case 'reminder':
			return m.notice_category_reminder();
		case 'mentions':
			return m.notice_category_mentions();
	}
}
