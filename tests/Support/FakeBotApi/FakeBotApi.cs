using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Timpora.Testing;

/// <summary>
/// An in-process stand-in for api.telegram.org: same URL layout, envelopes, offset and long-poll semantics,
/// webhook pushes, validation errors and (optionally) flood limits. The test plays the users through
/// <c>Send*</c> methods and asserts on what the bot did through <see cref="Sent"/> and <see cref="Calls"/>.
/// Listens on 127.0.0.1 only.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    // One lock for chats, messages and the journal keeps acceptance order identical to recording order.
    private readonly Lock _gate = new();
    private readonly UpdateQueue _updates;
    private readonly WebhookPusher _webhook;
    private readonly FaultScript _faults = new();
    private readonly FloodControl _flood;
    private readonly Dictionary<string, Method> _methods;
    private Uri? _baseUrl;
    private int _disposed;

    private sealed record Method(string Name, Func<ApiParameters, CancellationToken, Task<ApiReply>> Handle);

    private FakeBotApi(FakeBotApiOptions options)
    {
        Options = options;
        var separator = options.Token.IndexOf(':', StringComparison.Ordinal);
        if (separator < 1 || !long.TryParse(options.Token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            throw new ArgumentException("A bot token looks like '123456:secret'.", nameof(options));
        }
        BotId = botId;
        _updates = new UpdateQueue(options.FirstUpdateId);
        _webhook = new WebhookPusher(_updates, options, () => _clock.Elapsed);
        _flood = new FloodControl(options);
        _methods = MethodTable();
        _app = BuildApp();
    }

    public FakeBotApiOptions Options { get; }

    /// <summary>Like <c>http://127.0.0.1:45123</c>; the client appends <c>/bot{token}/{method}</c>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The fake Bot API has not started.");

    public string Token => Options.Token;

    public long BotId { get; }

    public string BotUsername => Options.BotUsername;

    public static async Task<FakeBotApi> StartAsync(FakeBotApiOptions? options = null)
    {
        var api = new FakeBotApi(options ?? new FakeBotApiOptions());
        try
        {
            await api._app.StartAsync();
            var address = api._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            api._baseUrl = new Uri(address);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Cancel first so pending long polls and delays end now instead of holding up Kestrel's shutdown.
        await _stopping.CancelAsync();
        await _webhook.DisposeAsync();
        using (var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(shutdown.Token);
        }
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private WebApplication BuildApp()
    {
        // The empty builder reads no appsettings and no ASPNETCORE_* variables, so nothing can move the fake off loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        // A client joining "http://host:port/" with "/bot..." sends "//bot...": tolerate it rather than fail a test over a slash.
        app.Use((http, next) =>
        {
            if (http.Request.Path.Value is { } path && path.StartsWith("//", StringComparison.Ordinal))
            {
                http.Request.Path = new PathString("/" + path.TrimStart('/'));
            }
            return next(http);
        });
        app.UseRouting();
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], new RequestDelegate(HandleMethodAsync));
        app.MapGet("/file/bot{token}/{**path}", new RequestDelegate(HandleFileAsync));
        app.MapFallback(new RequestDelegate(http => WriteAsync(http, ApiReply.Error(404, "Not Found"))));
        return app;
    }

    private async Task HandleMethodAsync(HttpContext http)
    {
        var receivedAt = _clock.Elapsed;
        var requested = http.Request.RouteValues["method"] as string ?? "";
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        if (!string.Equals(http.Request.RouteValues["token"] as string, Token, StringComparison.Ordinal))
        {
            await FinishAsync(http, requested, ApiParameters.Empty, receivedAt, ApiReply.Error(401, "Unauthorized"));
            return;
        }
        if (!_methods.TryGetValue(requested, out var method))
        {
            await FinishAsync(http, requested, ApiParameters.Empty, receivedAt, ApiReply.Error(404, "Not Found"));
            return;
        }
        ApiParameters? parameters;
        string? unreadable;
        try
        {
            (parameters, unreadable) = await ApiParameters.ReadAsync(http.Request, aborted.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            Record(method.Name, ApiParameters.Empty, receivedAt, 0, e.Message, CallOutcome.Cancelled);
            return;
        }
        if (parameters is null)
        {
            await FinishAsync(http, method.Name, ApiParameters.Empty, receivedAt, ApiReply.BadRequest(unreadable ?? "bad request"));
            return;
        }

        switch (_faults.Take(method.Name, parameters.Long("chat_id")))
        {
            case { Kind: FaultKind.Drop }:
                Record(method.Name, parameters, receivedAt, 0, "connection dropped", CallOutcome.Dropped);
                http.Abort();
                return;
            case { Kind: FaultKind.Fail } fail:
                await FinishAsync(http, method.Name, parameters, receivedAt,
                    ApiReply.Error(fail.ErrorCode, fail.Description, fail.RetryAfter), CallOutcome.InjectedFailure);
                return;
            case { Kind: FaultKind.Delay } delay:
                try
                {
                    await Task.Delay(delay.Delay, aborted.Token);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up while the answer was "slow": the call never happened.
                    Record(method.Name, parameters, receivedAt, 0, "client went away during the injected delay", CallOutcome.Cancelled);
                    AbortIfStopping(http);
                    return;
                }
                break;
        }

        ApiReply reply;
        try
        {
            reply = await method.Handle(parameters, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Record(method.Name, parameters, receivedAt, 0, "client went away", CallOutcome.Cancelled);
            AbortIfStopping(http);
            return;
        }
        await FinishAsync(http, method.Name, parameters, receivedAt, reply);
    }

    // A poll cut short by DisposeAsync must look like a lost connection, not like an empty 200.
    private void AbortIfStopping(HttpContext http)
    {
        if (_stopping.IsCancellationRequested)
        {
            http.Abort();
        }
    }

    private async Task HandleFileAsync(HttpContext http)
    {
        var receivedAt = _clock.Elapsed;
        var path = http.Request.RouteValues["path"] as string ?? "";
        if (!string.Equals(http.Request.RouteValues["token"] as string, Token, StringComparison.Ordinal))
        {
            await FinishAsync(http, "file", ApiParameters.Empty, receivedAt, ApiReply.Error(401, "Unauthorized"));
            return;
        }
        byte[]? bytes;
        lock (_gate)
        {
            bytes = _files.Values.FirstOrDefault(f => f.Path == path)?.Bytes;
        }
        if (bytes is null)
        {
            await FinishAsync(http, "file", ApiParameters.Empty, receivedAt, ApiReply.Error(404, "Not Found"));
            return;
        }
        Record("file", ApiParameters.Empty, receivedAt, 200, path, CallOutcome.Accepted);
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    private async Task FinishAsync(HttpContext http, string method, ApiParameters parameters, TimeSpan receivedAt, ApiReply reply, CallOutcome? outcome = null)
    {
        outcome ??= reply.StatusCode switch
        {
            200 => CallOutcome.Accepted,
            429 => CallOutcome.RateLimited,
            _ => CallOutcome.Rejected,
        };
        // Recorded before the answer is written, so a client that sees the answer also sees the record.
        Record(method, parameters, receivedAt, reply.StatusCode, reply.Description, outcome.Value);
        await WriteAsync(http, reply);
    }

    private static Task WriteAsync(HttpContext http, ApiReply reply)
    {
        http.Response.StatusCode = reply.StatusCode;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(reply.Body.ToJsonString(FakeBotApiJson.Options));
    }

    private long UnixNow => Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    private JsonObject BotUserJson() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = Options.BotFirstName,
        ["username"] = Options.BotUsername,
    };

    private static JsonObject UserJson(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        if (user.LastName is not null)
        {
            json["last_name"] = user.LastName;
        }
        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }
        if (user.LanguageCode is not null)
        {
            json["language_code"] = user.LanguageCode;
        }
        return json;
    }

    // Caller holds _gate.
    private JsonObject ChatJson(long chatId)
    {
        if (chatId < 0)
        {
            return new JsonObject
            {
                ["id"] = chatId,
                ["title"] = string.Create(CultureInfo.InvariantCulture, $"Test group {-chatId}"),
                ["type"] = "supergroup",
            };
        }
        var user = _privateChatUsers.TryGetValue(chatId, out var known) ? known : FakeUser.ForPrivateChat(chatId);
        var json = new JsonObject { ["id"] = chatId, ["first_name"] = user.FirstName };
        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }
        json["type"] = "private";
        return json;
    }
}
