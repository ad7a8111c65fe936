// Browser notifications for the notification centre (issue 16): shown
// through the app's service worker (so a click brings the app forward, see
// service-worker/index.ts), else the page's Notification, only once the person
// allowed them in this browser. The title is all there is: the kind of
// notice and the counterpart authority — never a title, reference, name or
// message, since the browser's and the system's notification stores are
// outside the app's encryption — unless the person turned on, for this
// device, the request's title as the notification's body. The tag is the notice's ID, so one notice
// is shown once even if announced twice.
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser (from a click: browsers ask only then); the answer, or unsupported. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
	if (typeof Notification === 'undefined') return 'unsupported';
	try {
		return await Notification.requestPermission();
	} catch {
		return notificationPermission();
	}
}

/** Shows one notification; false when it could not be (not allowed, not supported, refused by the browser). */
export async function showBrowserNotification(title: string, tag: string, path: string, body?: string): Promise<boolean> {
	if (notificationPermission() !== 'granted') return false;
	try {
		const registration = await navigator.serviceWorker?.getRegistration();
		if (registration !== undefined) {
			await registration.showNotification(title, { tag, data: { path }, ...(body === undefined ? {} : { body }) });
			return true;
		}
		new Notification(title, { tag, ...(body === undefined ? {} : { body }) });
		return true;
	} catch {
		return false;
	}
}

/** Whether the app is out of sight (a background tab, a minimised window): only then are notifications shown. */
export const appHidden = (): boolean => typeof document !== 'undefined' && document.visibilityState !== 'visible';
