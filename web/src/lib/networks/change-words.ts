// The words a roster version's change is said in, in the reader's language:
// one set for the secretariat publishing it and the administrator applying
// it (roster-publish.ts changeLines).
import * as m from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import type { ChangeWords } from './roster-publish.ts';

export function changeWords(authorityName: (id: string) => string): ChangeWords {
	return {
		added: (n, a) => m.adm_change_added({ network: n, authorities: a }),
		removed: (n, a) => m.adm_change_removed({ network: n, authorities: a }),
		homeservers: (a) => m.adm_change_homeservers({ authorities: a }),
		linksAdded: (l) => m.adm_change_links_added({ links: l }),
		linksRemoved: (l) => m.adm_change_links_removed({ links: l }),
		nothing: () => m.adm_change_nothing(),
		list: (names) => new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(names),
		name: authorityName,
		link: (a, b) => m.adm_link({ a, b }),
	};
}
