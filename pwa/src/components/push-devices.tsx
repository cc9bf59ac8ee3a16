/**
 * The account page's notifications section: turn push on for this device (the browser asks only
 * then), the account's devices with a remove button each, and a test notification.
 */
import { useEffect } from "preact/hooks";
import { formatDateTime } from "../lib/date-format";
import {
	loadPush,
	pushBusy,
	pushDevices,
	pushMessage,
	pushPermission,
	pushProblem,
	pushPublicKey,
	pushSupported,
	removePushDevice,
	sendTestPush,
	turnOnPush,
} from "../models/push";
import { FormAlert } from "./form-kit/form-alert";
import { Button } from "./kit/button";

function explanation(): string {
	if (!pushSupported) return "This browser cannot receive push notifications. On iPhone and iPad, add this app to your Home Screen first.";
	if (pushPublicKey.value === null) return "Push notifications are not set up for this agency's app yet.";
	if (pushPermission.value === "denied") return "Notifications are blocked for this site. Allow them in your browser's site settings.";
	return "Get a notification on this device when something needs you, even when the app is closed.";
}

export function PushDevices() {
	useEffect(() => {
		void loadPush();
	}, []);
	const canTurnOn = pushSupported && pushPublicKey.value !== null && pushPermission.value !== "denied";
	return (
		<section class="card" aria-labelledby="push-heading">
			<h2 id="push-heading">Notifications</h2>
			<p>{explanation()}</p>
			{pushProblem.value && <FormAlert message={pushProblem.value.detail} />}
			{pushMessage.value && (
				<p role="status" class="notice">
					{pushMessage.value}
				</p>
			)}
			{canTurnOn && (
				<Button disabled={pushBusy.value} onClick={() => void turnOnPush()}>
					Turn on for this device
				</Button>
			)}
			{pushDevices.value.length > 0 ? (
				<>
					<h3>Your devices</h3>
					<ul class="device-list">
						{pushDevices.value.map((device) => (
							<li key={device.id}>
								<span>
									<strong>{device.deviceLabel}</strong>
									<br />
									<small>
										Added {formatDateTime(device.createdAt)}
										{device.lastDeliveredAt ? ` · last notified ${formatDateTime(device.lastDeliveredAt)}` : ""}
									</small>
								</span>
								<Button label={`Remove ${device.deviceLabel}`} onClick={() => void removePushDevice(device.id)}>
									Remove
								</Button>
							</li>
						))}
					</ul>
					<Button disabled={pushBusy.value} onClick={() => void sendTestPush()}>
						Send a test notification
					</Button>
				</>
			) : (
				<p>No device receives notifications yet.</p>
			)}
		</section>
	);
}
