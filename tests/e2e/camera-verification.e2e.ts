// Verifying a person by QR code read with the camera (issue 12): the path
// user-verification.e2e.ts cannot take, its browsers having no camera. A, a
// prosecutor of Guatemala's Public Ministry (gt-mp), and B, of El Salvador's
// FGR (sv-fgr), share a case room; A asks to verify B. B's browser is a
// Chromium of its own whose fake camera plays a Y4M file: the pixels of A's
// code as A's page draws it (support/fake-camera.ts). Chromium opens that
// file each time a page asks for the camera (getUserMedia), not at launch:
// before it is written B's browser has no camera, which B's scanner says in
// words; it is written once A's code is on screen. B scans; A confirms that
// B's side scanned; both finish verified. A's browser (launched with its
// camera prompt answered "block") says the camera may not be used.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium-launch.ts';
import { freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { caseEntry, openFromDashboard, openRequest, signedIn } from './support/case-pages.ts';
import { deniedCameraArgs, fakeCameraArgs, writeY4m, type RgbaPicture } from './support/fake-camera.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';
import { accept, closeDone, naming, panel, trustOf } from './support/verification-pages.ts';

test.setTimeout(360_000);

/** Debian's Chromium, headless, with the project's flags (as playwright.config.ts launches the others) and `camera`'s. */
const launched = (camera: readonly string[]) =>
	chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...camera] });

test('a person verifies another by scanning their QR code with the camera', async () => {
	const folder = await mkdtemp(join(tmpdir(), 'rogatory-camera-'));
	const cameraFile = join(folder, 'camera.y4m');
	const blockedBrowser = await launched(deniedCameraArgs());
	const cameraBrowser = await launched(fakeCameraArgs(cameraFile));
	try {
		const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-cam-a');
		const officer = await freshAccount(homeserverOf('sv-fgr'), 'e2e-cam-b');
		const first = await newBrowser(blockedBrowser, prosecutor);
		const second = await newBrowser(cameraBrowser, officer);
		const [a, b] = [first.page, second.page];
		await Promise.all([signedIn(a, prosecutor), signedIn(b, officer)]);

		const title = `Camera ${Date.now()}`;
		await openRequest(a, { title, requested: 'sv-fgr', offence: 'Corruption', invite: [officer.userId] });
		await b.goto('/en/cases');
		await caseEntry(b, title, 120_000);
		await openFromDashboard(b, title);
		await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'unverified', { timeout: 60_000 });

		await trustOf(a, officer.userId)
			.getByRole('button', { name: naming('people_verify') })
			.click();
		await accept(b, prosecutor.userId);
		await expect(panel(a)).toHaveAttribute('data-state', 'ready');

		// A's browser may not use its camera: asked for it, the scanner says so and offers the other ways.
		await panel(a)
			.getByRole('button', { name: en('uv_scan_camera') })
			.click();
		await expect(panel(a).getByRole('alert')).toHaveText(en('uv_camera_denied'));
		// B's camera has nothing to show yet (its file is not written): no camera, the scanner says.
		await panel(b)
			.getByRole('button', { name: en('uv_scan_camera') })
			.click();
		await expect(panel(b).getByRole('alert')).toHaveText(en('uv_camera_none'));

		// A's code, as A's page drew it, becomes what B's camera sees.
		const code = panel(a).getByTestId('my-qr');
		await expect(code).toHaveAttribute('data-drawn', 'true');
		const picture = await code.evaluate((canvas: HTMLCanvasElement): RgbaPicture => {
			const context = canvas.getContext('2d');
			if (context === null) throw new Error('the code is not drawn on a 2D canvas');
			const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
			return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
		});
		await writeY4m(cameraFile, picture);

		await panel(b)
			.getByRole('button', { name: en('uv_scan_camera') })
			.click();
		await expect(panel(a)).toHaveAttribute('data-state', 'qr-scanned', { timeout: 60_000 });
		await panel(a)
			.getByRole('button', { name: en('uv_qr_scanned_yes') })
			.click();
		await closeDone(a);
		await closeDone(b);
		await expect(trustOf(a, officer.userId)).toHaveAttribute('data-trust', 'verified');
		await expect(trustOf(b, prosecutor.userId)).toHaveAttribute('data-trust', 'verified');

		expectClean(first.seen, 'A');
		expectClean(second.seen, 'B');
		for (const account of [prosecutor, officer]) await logOutRegistration(account);
		await first.context.close();
		await second.context.close();
	} finally {
		await cameraBrowser.close();
		await blockedBrowser.close();
		await rm(folder, { recursive: true, force: true });
	}
});
