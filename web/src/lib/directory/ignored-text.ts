// Why the directory ignored an event (policies/directory, IgnoredReason), in
// the editor's language: one sentence per reason, naming the sender. The
// Matrix IDs in it (the sender, a bridge, a named editor) come as the
// parties' parts, so that the page isolates each (PartyText); authority and
// network ids and server names are the roster's; the trust rule's reason is
// the page's own sentence, as a reader's client says it (lib/trust/labels.ts).
import type { IgnoredEvent } from '#policies/directory/types.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { sentenceParts, type Inputs, type SentencePart } from '../text/sentence.ts';
import { readerRefusalLabel } from '../trust/labels.ts';

/** A message in `locale`, split into the page's text and the parties' values. */
const sentence = <I extends object>(
	message: (inputs: I, options: { locale: Locale }) => string,
	locale: Locale,
	party: Inputs<I>,
	own: Inputs<I> = {},
): SentencePart[] => sentenceParts((inputs: I) => message(inputs, { locale }), party, own);

export function ignoredSentence({ sender, reason }: IgnoredEvent, locale: Locale): SentencePart[] {
	switch (reason.kind) {
		case 'not-editor':
			return sentence(m.directory_ignored_not_editor, locale, { sender }, { authority: reason.authority });
		case 'not-bridge':
			return sentence(m.directory_ignored_not_bridge, locale, { sender, bridge: reason.bridge }, { authority: reason.authority });
		case 'editor-elsewhere':
			return sentence(
				m.directory_ignored_editor_elsewhere,
				locale,
				{ sender, editor: reason.editor },
				{ authority: reason.authority, server: reason.server },
			);
		case 'outside-network':
			return sentence(m.directory_ignored_outside_network, locale, { sender }, { authority: reason.authority, network: reason.network });
		case 'no-homeserver':
			return sentence(m.directory_ignored_no_homeserver, locale, { sender }, { authority: reason.authority });
		case 'untrusted': {
			const why = readerRefusalLabel(reason.code, locale);
			return reason.authority === undefined
				? sentence(m.directory_ignored_untrusted, locale, { sender }, { why })
				: sentence(m.directory_ignored_untrusted_about, locale, { sender }, { authority: reason.authority, why });
		}
		case 'wrong-room':
			return sentence(m.directory_ignored_wrong_room, locale, { sender }, { authority: reason.authority });
		case 'malformed':
			return sentence(m.directory_ignored_malformed, locale, { sender });
	}
}
