namespace Timpora.Testing;

/// <summary>The commands currently set for one scope and language, as setMyCommands left them.</summary>
/// <param name="Scope">"default", "all_private_chats", ..., or "chat:ID", "chat_member:ID:USER" for scopes naming a chat.</param>
/// <param name="LanguageCode">Empty for the fallback list.</param>
public sealed record BotCommandSet(string Scope, string LanguageCode, IReadOnlyList<FakeBotCommand> Commands);

public sealed record FakeBotCommand(string Command, string Description);
