using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Timpora.Bot.Telegram;

namespace Timpora.Bot.Tests.Telegram;

/// <summary>Answers every request with whatever the test says and remembers what was asked.</summary>
public sealed class StubHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public const string Token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest Last => Requests[^1];

    public static StubHttpHandler Answering(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new((_, _) => Task.FromResult(Response(status, body, mediaType)));

    public static StubHttpHandler Ok(string resultJson = "true") => Answering(HttpStatusCode.OK, $$"""{"ok":true,"result":{{resultJson}}}""");

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static IOptions<TelegramOptions> Settings(string apiBaseUrl = "https://api.telegram.test") =>
        Options.Create(new TelegramOptions { BotToken = Token, ApiBaseUrl = apiBaseUrl });

    public HttpClient Http() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    public TelegramClient Client(string apiBaseUrl = "https://api.telegram.test") => new(Http(), Settings(apiBaseUrl));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var parts = new List<RecordedPart>();
        if (request.Content is MultipartFormDataContent multipart)
        {
            foreach (var part in multipart)
            {
                var disposition = part.Headers.ContentDisposition;
                parts.Add(new RecordedPart(
                    disposition?.Name?.Trim('"') ?? "",
                    disposition?.FileName?.Trim('"'),
                    part.Headers.ContentType?.MediaType,
                    await part.ReadAsByteArrayAsync(cancellationToken)));
            }
        }
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body) { Parts = parts });
        return await respond(request, cancellationToken);
    }
}
