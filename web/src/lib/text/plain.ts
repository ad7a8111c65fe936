// Text from another party where no markup can go — the document's title, an
// <option> — isolated with FSI…PDI (policies/text/bidi.ts) and, when it
// carries bidirectional controls, followed by the same warning words the
// pages show beside it (PartyText.svelte).
import { hasBidiControls, isolated } from '#policies/text/bidi.ts';
import * as m from '../paraglide/messages.js';

const marked = (text: string): string => `${isolated(text)} (⚠ ${m.party_text_bidi_mark()})`;

/** For the document's title, where the app's name follows the text. */
export const plainPartyText = (text: string): string => (hasBidiControls(text) ? marked(text) : isolated(text));

/**
 * For an <option>: alone on its line, so nothing of ours sits beside it to be
 * reordered unless we add the mark; then it is isolated too.
 */
export const optionPartyText = (text: string): string => (hasBidiControls(text) ? marked(text) : text);
