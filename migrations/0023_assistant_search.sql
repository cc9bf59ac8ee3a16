-- Full-text index of assistant message text, for searching one's own conversations (see docs/ASSISTANT.md#search).
-- Written by the conversation's ChatSession as messages are stored; rows are removed when the conversation is deleted.
CREATE VIRTUAL TABLE `assistant_search` USING fts5(
	content,
	tenant_id UNINDEXED,
	conversation_id UNINDEXED,
	message_id UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2'
);
