using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Timpora.Bot.Telegram;

/// <summary>
/// A thin Bot API client: one call path, typed methods only for the calls the service makes.
/// Register it with <c>services.AddHttpClient&lt;TelegramClient&gt;(http =&gt; http.Timeout = Timeout.InfiniteTimeSpan)</c>:
/// every call sets its own deadline (getUpdates must outlive its long-poll timeout), so the HttpClient's own
/// timeout would only get in the way. Also remove the factory's request loggers (<c>.RemoveAllLoggers()</c>):
/// they log the URL, and the URL holds the token.
/// </summary>
public sealed partial class TelegramClient(HttpClient http, IOptions<TelegramOptions> options)
{
    public const int MaxUpdatesPerCall = 100;

    private readonly TelegramOptions _options = options.Value;

    /// <summary>The deadline of every call except getUpdates, file downloads and uploads.</summary>
    internal TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Added to the long-poll timeout: Telegram answers an empty poll only when that timeout is up.</summary>
    internal TimeSpan PollGrace { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Files are up to 20 MB; a phone on a slow network needs more than the usual 30 s.</summary>
    internal TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Uploads are up to 10 MB, and our side of the line may be as slow as a citizen's.</summary>
    internal TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public Task<T> CallAsync<T>(string method, object? body, CancellationToken ct) => CallAsync<T>(method, body, CallTimeout, ct);

    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync<User>("getMe", null, ct);

    /// <param name="offset">The highest update id already stored, plus one; null on the very first call.</param>
    /// <param name="allowedUpdates">Sent on every call; an empty list means every kind but chat_member and reactions.</param>
    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset, int timeoutSeconds, int limit, IReadOnlyList<string> allowedUpdates, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxUpdatesPerCall);
        ArgumentNullException.ThrowIfNull(allowedUpdates);

        var body = new GetUpdatesRequest(offset, limit, timeoutSeconds, allowedUpdates);
        var raw = await CallAsync<List<JsonElement>>("getUpdates", body, TimeSpan.FromSeconds(timeoutSeconds) + PollGrace, ct);
        return raw.Select(TelegramJson.ReadUpdate).ToList();
    }

    public async Task DeleteWebhookAsync(bool dropPending, CancellationToken ct) =>
        await CallAsync<bool>("deleteWebhook", new DeleteWebhookRequest(dropPending), ct);

    public async Task SetWebhookAsync(string url, string secret, IReadOnlyList<string> allowedUpdates, CancellationToken ct) =>
        await CallAsync<bool>("setWebhook", new SetWebhookRequest(url, secret, allowedUpdates), ct);

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken ct) => CallAsync<WebhookInfo>("getWebhookInfo", null, ct);

    /// <param name="languageCode">Null for the fallback list; "id" or "en" for users whose app has that language.</param>
    public async Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken ct) =>
        await CallAsync<bool>("setMyCommands", new SetMyCommandsRequest(commands, languageCode), ct);

    /// <param name="html">Already escaped HTML in Telegram's subset, at most 4096 characters.</param>
    /// <param name="replyMarkup">An <see cref="InlineKeyboardMarkup"/>, <see cref="ReplyKeyboardMarkup"/>, <see cref="ReplyKeyboardRemove"/> or null.</param>
    public Task<Message> SendMessageAsync(long chatId, string html, object? replyMarkup, CancellationToken ct) =>
        CallAsync<Message>("sendMessage", new SendMessageRequest(chatId, html, "HTML", new LinkPreviewOptions(IsDisabled: true), replyMarkup), ct);

    public Task<Message> SendLocationAsync(long chatId, double latitude, double longitude, object? replyMarkup, CancellationToken ct) =>
        CallAsync<Message>("sendLocation", new SendLocationRequest(chatId, latitude, longitude, replyMarkup), ct);

    /// <param name="fileId">A photo Telegram already has.</param>
    /// <param name="captionHtml">Already escaped HTML in Telegram's subset, at most 1024 characters; null for none.</param>
    public Task<Message> SendPhotoAsync(long chatId, string fileId, string? captionHtml, object? replyMarkup, CancellationToken ct) =>
        CallAsync<Message>("sendPhoto", new SendPhotoRequest(chatId, fileId, captionHtml, captionHtml is null ? null : "HTML", replyMarkup), ct);

    /// <summary>Uploads a photo (JPEG or PNG, at most 10 MB) as multipart/form-data, with the longer upload deadline.</summary>
    /// <param name="fileName">Telegram guesses the format from it: <c>photo.jpg</c> or <c>photo.png</c>.</param>
    /// <param name="captionHtml">Already escaped HTML in Telegram's subset, at most 1024 characters; null for none.</param>
    public Task<Message> SendPhotoAsync(long chatId, byte[] photo, string fileName, string? captionHtml, object? replyMarkup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var fields = new SendPhotoUploadRequest(chatId, captionHtml, captionHtml is null ? null : "HTML", replyMarkup);
        return UploadAsync<Message>("sendPhoto", fields, new Upload("photo", fileName, photo), ct);
    }

    /// <summary>
    /// Uploads a file as a document (a download, not a picture) as multipart/form-data, with the longer upload deadline.
    /// Bots may upload documents of up to 50 MB.
    /// </summary>
    /// <param name="fileName">What the person's app shows and saves, e.g. <c>contoh-rombongan.csv</c>.</param>
    /// <param name="captionHtml">Already escaped HTML in Telegram's subset, at most 1024 characters; null for none.</param>
    public Task<Message> SendDocumentAsync(long chatId, byte[] document, string fileName, string? captionHtml, object? replyMarkup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var fields = new SendDocumentUploadRequest(chatId, captionHtml, captionHtml is null ? null : "HTML", replyMarkup);
        return UploadAsync<Message>("sendDocument", fields, new Upload("document", fileName, document), ct);
    }

    public Task<Message> SendVenueAsync(
        long chatId, double latitude, double longitude, string title, string address, object? replyMarkup, CancellationToken ct) =>
        CallAsync<Message>("sendVenue", new SendVenueRequest(chatId, latitude, longitude, title, address, replyMarkup), ct);

    /// <summary>Stops the spinner on the pressed button. Call it before any slow work: late answers are refused.</summary>
    public async Task AnswerCallbackQueryAsync(string id, string? text, CancellationToken ct) =>
        await CallAsync<bool>("answerCallbackQuery", new AnswerCallbackQueryRequest(id, text), ct);

    public Task<TelegramFile> GetFileAsync(string fileId, CancellationToken ct) =>
        CallAsync<TelegramFile>("getFile", new GetFileRequest(fileId), ct);

    /// <summary>
    /// Copies the file at <paramref name="filePath"/> (from <see cref="GetFileAsync"/>) into <paramref name="destination"/>.
    /// Returns false, having stopped reading, when the file is larger than <paramref name="maxBytes"/>; the destination
    /// may then hold a partial prefix and should be discarded.
    /// </summary>
    public async Task<bool> DownloadFileAsync(string filePath, Stream destination, long maxBytes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        const string Method = "file download";

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(DownloadTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{BaseUrl()}/file/bot{Token()}/{filePath.TrimStart('/')}"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
                throw Failure(Method, response.StatusCode, body);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return false;
            }

            await using var source = await response.Content.ReadAsStreamAsync(deadline.Token);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, deadline.Token)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return false;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), deadline.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(Method, ct);
        }
        catch (Exception ex) when (Transport(Method, ex, DownloadTimeout, ct) is { } transport)
        {
            throw transport;
        }
    }

    private Task<T> CallAsync<T>(string method, object? body, TimeSpan timeout, CancellationToken ct) =>
        SendAsync<T>(method, body is null ? null : JsonContent.Create(body, body.GetType(), options: TelegramJson.Options), timeout, ct);

    /// <summary>
    /// A call with a file: every field of <paramref name="fields"/> becomes a form field as Telegram reads them
    /// (strings as they are, numbers and objects as JSON text, nulls left out), and the file one part of its own.
    /// </summary>
    private Task<T> UploadAsync<T>(string method, object fields, Upload file, CancellationToken ct)
    {
        var form = new MultipartFormDataContent();
        foreach (var field in JsonSerializer.SerializeToElement(fields, fields.GetType(), TelegramJson.Options).EnumerateObject())
        {
            var value = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
            form.Add(new StringContent(value), field.Name);
        }

        var bytes = new ByteArrayContent(file.Bytes);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, file.Field, file.FileName);
        return SendAsync<T>(method, form, UploadTimeout, ct);
    }

    /// <summary>The one path of every method call: deadline, transport failures, envelope and result.</summary>
    private async Task<T> SendAsync<T>(string method, HttpContent? content, TimeSpan timeout, CancellationToken ct)
    {
        // The request owns the content from here on, so it is disposed even when the checks below throw.
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = content };
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        request.RequestUri = new Uri($"{BaseUrl()}/bot{Token()}/{method}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);

        byte[] answer;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            status = response.StatusCode;
            answer = await response.Content.ReadAsByteArrayAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(method, ct);
        }
        catch (Exception ex) when (Transport(method, ex, timeout, ct) is { } transport)
        {
            throw transport;
        }

        var envelope = ReadEnvelope(answer);
        if (envelope?.Ok is not true)
        {
            throw Failure(method, status, answer);
        }

        if (envelope.Result is not { } result)
        {
            throw new TelegramTransportException(method, $"answered ok without a result (HTTP {(int)status})", status);
        }

        try
        {
            return result.Deserialize<T>(TelegramJson.Options)
                ?? throw new TelegramTransportException(method, $"answered ok with a null result (HTTP {(int)status})", status);
        }
        catch (JsonException ex)
        {
            throw new TelegramTransportException(method, $"answered a result that is not a {typeof(T).Name}: {Scrub(ex.Message)}", status);
        }
    }

    /// <summary>The exception for an answer that is not <c>ok: true</c>, judged by the body, not by the status.</summary>
    private Exception Failure(string method, HttpStatusCode status, byte[] body)
    {
        var envelope = ReadEnvelope(body);
        if (envelope?.Ok is not false)
        {
            return new TelegramTransportException(method, $"answered HTTP {(int)status} with a body that is not a Bot API response", status);
        }

        var retryAfter = envelope.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(Math.Max(seconds, 0)) : (TimeSpan?)null;
        return new TelegramApiException(
            method, envelope.ErrorCode ?? (int)status, Scrub(envelope.Description ?? ""), retryAfter, envelope.Parameters?.MigrateToChatId);
    }

    /// <summary>
    /// The caller's own cancellation, carrying the caller's token (not our linked one) so that
    /// <c>when (ex.CancellationToken == stoppingToken)</c> works upstream.
    /// </summary>
    private static OperationCanceledException Cancelled(string method, CancellationToken ct) => new($"Bot API {method} was cancelled.", ct);

    /// <summary>
    /// Null for the caller's own cancellation (it propagates unchanged), otherwise a transport exception whose message
    /// carries the reason but no URL, and which does not keep the original exception (its message may hold the URL).
    /// </summary>
    private TelegramTransportException? Transport(string method, Exception ex, TimeSpan timeout, CancellationToken ct) => ex switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        OperationCanceledException => new TelegramTransportException(method, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", isTimeout: true),
        HttpRequestException request => new TelegramTransportException(
            method, $"network failure ({request.HttpRequestError}): {WithoutUrls(request.Message)}", request.StatusCode),
        HttpIOException io => new TelegramTransportException(method, $"network failure while reading ({io.HttpRequestError}): {WithoutUrls(io.Message)}"),
        _ => null,
    };

    private sealed record Upload(string Field, string FileName, byte[] Bytes);

    private static ApiResponse? ReadEnvelope(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiResponse>(body, TelegramJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string BaseUrl() => _options.ApiBaseUrl.TrimEnd('/');

    private string Token() =>
        _options.Enabled ? _options.BotToken : throw new InvalidOperationException("Telegram:BotToken is empty, so the Telegram channel is off.");

    /// <summary>A network error's text with every URL taken out (the reason stays), and the token too should it appear outside one.</summary>
    private string WithoutUrls(string text) => Scrub(Url().Replace(text, "<url>"));

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s()<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    /// <summary>Removes the token, whole, URL-encoded, or just its secret half, from text bound for a message or a log.</summary>
    private string Scrub(string text)
    {
        var token = _options.BotToken;
        if (token.Length == 0)
        {
            return text;
        }

        text = text.Replace(token, "<token>", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(token), "<token>", StringComparison.OrdinalIgnoreCase);
        var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return secret.Length >= 8 ? text.Replace(secret, "<token>", StringComparison.Ordinal) : text;
    }
}
