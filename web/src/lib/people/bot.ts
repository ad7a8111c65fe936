// The bridge bot as the app shows it (issue 12, "The bridge's identity
// appears as its authority's bot, verified by that authority's
// administrator"): each authority's bot is the account with the roster's
// well-known localpart on its homeserver (policies/roster/bridge.ts), named
// after its authority's country ("Guatemala's Rogatory bot"). Only an
// administrator of that authority, on the same homeserver, is offered to
// verify it — the bridge refuses anyone else (bridge/matrix/bot-verifiers.ts).
import { localpartOf, serverNameOf } from '#policies/cases/index.ts';
import { BRIDGE_LOCALPART } from '#policies/roster/bridge.ts';
import { countryName } from '../i18n/format.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export function isBridgeBot(userId: string): boolean {
	return localpartOf(userId).toLowerCase() === BRIDGE_LOCALPART;
}

/** "Guatemala's Rogatory bot", in the reader's language. */
export function botName(country: string, locale: Locale): string {
	return m.people_bot_name({ country: countryName(country, locale) }, { locale });
}

/** Whether this user is offered to verify the bot: an authority administrator on the bot's own homeserver. */
export function offersBotVerification(botId: string, me: string | undefined, administrator: boolean): boolean {
	return administrator && me !== undefined && isBridgeBot(botId) && serverNameOf(botId) === serverNameOf(me);
}
