namespace Timpora.Bot.Telegram;

// Request bodies of the methods this service calls. `object? ReplyMarkup` is serialized by its runtime type:
// an InlineKeyboardMarkup, ReplyKeyboardMarkup or ReplyKeyboardRemove.

public sealed record GetUpdatesRequest(long? Offset, int Limit, int Timeout, IReadOnlyList<string> AllowedUpdates);

public sealed record SetWebhookRequest(string Url, string SecretToken, IReadOnlyList<string> AllowedUpdates);

public sealed record DeleteWebhookRequest(bool DropPendingUpdates);

public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, string? LanguageCode);

public sealed record SendMessageRequest(long ChatId, string Text, string ParseMode, LinkPreviewOptions LinkPreviewOptions, object? ReplyMarkup);

public sealed record LinkPreviewOptions(bool IsDisabled);

public sealed record SendLocationRequest(long ChatId, double Latitude, double Longitude, object? ReplyMarkup);

public sealed record SendPhotoRequest(long ChatId, string Photo, string? Caption, string? ParseMode, object? ReplyMarkup);

/// <summary>The form fields of a sendPhoto upload; the photo itself travels as a file part beside them.</summary>
public sealed record SendPhotoUploadRequest(long ChatId, string? Caption, string? ParseMode, object? ReplyMarkup);

/// <summary>The form fields of a sendDocument upload; the file itself travels as a part beside them.</summary>
public sealed record SendDocumentUploadRequest(long ChatId, string? Caption, string? ParseMode, object? ReplyMarkup);

public sealed record SendVenueRequest(long ChatId, double Latitude, double Longitude, string Title, string Address, object? ReplyMarkup);

public sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text);

public sealed record GetFileRequest(string FileId);
