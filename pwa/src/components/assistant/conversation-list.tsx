/** The assistant's side list: search by title, new chat, import, and the user's conversations. */
import { conversations, importFile, listLoaded, loadConversations, newChat, open, openId, search } from "../../models/assistant";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";

export function ConversationList() {
	return (
		<nav class="chat-list" aria-label="Conversations">
			<Button variant="primary" block={false} onClick={() => void newChat()}>
				Start a new chat
			</Button>
			<form
				onSubmit={(event) => {
					event.preventDefault();
					void loadConversations();
				}}
			>
				<Field
					id="chat-search"
					name="search"
					label="Search titles"
					type="search"
					required={false}
					value={search.value}
					onInput={(value) => (search.value = value)}
				/>
			</form>
			{listLoaded.value && conversations.value.length === 0 ? (
				<p class="field-hint">{search.value ? "No conversation matches." : "No conversations yet."}</p>
			) : (
				<ul>
					{conversations.value.map((c) => (
						<li key={c.id}>
							<Button
								variant="link"
								class="chat-link"
								aria-current={c.id === openId.value ? "true" : undefined}
								onClick={() => void open(c.id)}
							>
								{c.title}
							</Button>
						</li>
					))}
				</ul>
			)}
			<label class="button secondary file-button">
				Import chats
				<input
					type="file"
					accept="application/json,.json"
					class="visually-hidden"
					onChange={(e) => {
						const file = e.currentTarget.files?.[0];
						if (file) void importFile(file);
						e.currentTarget.value = "";
					}}
				/>
			</label>
		</nav>
	);
}
