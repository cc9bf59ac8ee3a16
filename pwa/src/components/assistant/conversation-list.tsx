/** The assistant's side list: search by title, new chat, import, and the user's conversations. */
import { conversations, importFile, listLoaded, loadConversations, newChat, open, openId, search } from "../../models/assistant";

export function ConversationList() {
	return (
		<nav class="chat-list" aria-label="Conversations">
			<button type="button" class="button" onClick={() => void newChat()}>
				Start a new chat
			</button>
			<form
				onSubmit={(event) => {
					event.preventDefault();
					void loadConversations();
				}}
			>
				<label for="chat-search">Search titles</label>
				<input id="chat-search" type="search" value={search.value} onInput={(e) => (search.value = e.currentTarget.value)} />
			</form>
			{listLoaded.value && conversations.value.length === 0 ? (
				<p class="field-hint">{search.value ? "No conversation matches." : "No conversations yet."}</p>
			) : (
				<ul>
					{conversations.value.map((c) => (
						<li key={c.id}>
							<button
								type="button"
								class="chat-link"
								aria-current={c.id === openId.value ? "true" : undefined}
								onClick={() => void open(c.id)}
							>
								{c.title}
							</button>
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
