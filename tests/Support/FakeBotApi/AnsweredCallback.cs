namespace Timpora.Testing;

/// <summary>An accepted answerCallbackQuery.</summary>
public sealed record AnsweredCallback(string CallbackQueryId, long? ChatId, string? Text, bool ShowAlert, TimeSpan At);
