// Verifying the authority's bridge bot (issue 12): the request goes to the
// bot's device by to-device message, not into a direct room — the bot keeps
// to its case and directory rooms, and a device-to-device request needs no
// room the bot would have to join. The bot answers only its own authority's
// administrators and shows its QR code, which the administrator pastes
// (bridge/matrix/bot-verification.ts); the exchange is SasVerification's
// like any other person's. The bot's device is its cross-signed one (it has
// one device for life; a stray second one is not asked). NOTE: the crypto
// knows another user's devices only when it shares an encrypted room with
// them (a case room, the network's directory room): where the bot is shown.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import type { MatrixClient, VerificationRequest } from './sdk.ts';

/** Asks the bot's cross-signed device to verify each other; `unexpected` when the bot has no such device. */
export async function requestBotVerification(client: MatrixClient, botId: string): Promise<Result<VerificationRequest, Failure>> {
	const crypto = client.getCrypto();
	if (crypto === undefined) return err({ kind: 'unexpected', detail: 'the client was started without crypto' });
	try {
		const status = await crypto.getUserVerificationStatus(botId);
		if (status.wasCrossSigningVerified() && !status.isCrossSigningVerified()) await crypto.withdrawVerificationRequirement(botId);
		const devices = (await crypto.getUserDeviceInfo([botId], true)).get(botId) ?? new Map<string, unknown>();
		for (const deviceId of devices.keys()) {
			const device = await crypto.getDeviceVerificationStatus(botId, deviceId);
			if (device?.signedByOwner === true) return ok(await crypto.requestDeviceVerification(botId, deviceId));
		}
		return err({ kind: 'unexpected', detail: `no cross-signed device of ${botId} is known here yet (no encrypted room shared with it)` });
	} catch (error) {
		return err(describeFailure(error));
	}
}
