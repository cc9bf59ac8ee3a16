/**
 * A person's avatar: their picture when there is one, otherwise their initials on a colour derived
 * from `seed` (their id, or their name) that keeps white text at AA contrast. When the name is shown
 * next to it, pass `decorative` so screen readers do not hear the name twice.
 *
 *   <Avatar name={person.name} src={person.avatarUrl} seed={person.id} size={32} decorative />
 */
import "./avatar.css";
import { AVATAR_TEXT, avatarBackground, initials } from "./avatar-colour";

export type AvatarProps = { name: string; src?: string | null; seed?: string; size?: number; decorative?: boolean };

export function Avatar({ name, src, seed, size = 40, decorative = false }: AvatarProps) {
	const style = { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.4)}px` };
	if (src) return <img class="kit-avatar" src={src} alt={decorative ? "" : name} width={size} height={size} style={style} />;
	return (
		<span
			class="kit-avatar kit-avatar-initials"
			style={{ ...style, background: avatarBackground(seed ?? name), color: AVATAR_TEXT }}
			{...(decorative ? { "aria-hidden": "true" } : { role: "img", "aria-label": name })}
		>
			{initials(name)}
		</span>
	);
}
