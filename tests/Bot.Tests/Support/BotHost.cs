using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Timpora.Core.Storage;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Support;

/// <summary>
/// The real service, built by Program.Build from the repository's appsettings.json, on a temporary SQLite file,
/// listening on loopback and talking to a fake Bot API. Nothing leaves the machine.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string PseudonymKey = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXk=";

    private readonly WebApplication _app;

    private BotHost(WebApplication app, string folder, CapturedLogs logs)
    {
        _app = app;
        Folder = folder;
        Logs = logs;
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "timpora.db");

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "timpora-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Settings as command-line arguments, which beat appsettings.json exactly as they would in production.</summary>
    public static IDictionary<string, string?> Settings(FakeBotApi? api, string folder) => new Dictionary<string, string?>
    {
        ["urls"] = "http://127.0.0.1:0",
        ["ConnectionStrings:Timpora"] = $"Data Source={Path.Combine(folder, "timpora.db")}",
        ["Privacy:PseudonymKey"] = PseudonymKey,
        ["Serilog:WriteTo:0:Args:path"] = Path.Combine(folder, "logs", "timpora-.log"),
        ["Telegram:BotToken"] = api?.Token ?? "",
        ["Telegram:ApiBaseUrl"] = api?.BaseUrl.ToString().TrimEnd('/') ?? "https://api.telegram.org",
        ["Telegram:PollTimeoutSeconds"] = "1",
    };

    public static Task<BotHost> StartAsync(FakeBotApi? api, Action<IDictionary<string, string?>>? tweak = null, Action<WebApplicationBuilder>? configure = null, string? folder = null, string? verb = null)
    {
        folder ??= NewFolder();
        var settings = Settings(api, folder);
        tweak?.Invoke(settings);
        return StartAsync(settings, configure, folder, verb);
    }

    public static async Task<BotHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure, string folder, string? verb = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logs = new CapturedLogs();
        var args = settings.Select(s => $"--{s.Key}={s.Value}");
        var app = Program.Build(verb is null ? [.. args] : [verb, .. args], builder =>
        {
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        var host = new BotHost(app, folder, logs);
        await app.StartAsync();
        return host;
    }

    public async Task<T> InScopeAsync<T>(Func<TimporaDb, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TimporaDb>());
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps only the hosted services a test names, e.g. to receive without running turns.</summary>
    public static void KeepOnlyHostedServices(IServiceCollection services, params Type[] keep)
    {
        ArgumentNullException.ThrowIfNull(services);
        var kept = services.Where(d => d.ServiceType == typeof(IHostedService) && keep.Contains(d.ImplementationType)).ToList();
        services.RemoveAll<IHostedService>();
        foreach (var descriptor in kept)
        {
            services.Add(descriptor);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
