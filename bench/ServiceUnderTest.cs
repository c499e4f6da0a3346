using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timpora.Bot.Storage;
using Timpora.Testing;

namespace Timpora.Bench;

/// <summary>
/// The real service, built by <c>Program.Build</c> exactly as in production, on a SQLite file in a temporary folder,
/// listening on loopback and talking to a fake Bot API (or to nothing). Log lines of level Warning and above are
/// counted instead of printed, so the table stays readable and trouble is still reported.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    // The test suite's fixed pseudonym key: any valid key does, and this one is public already.
    private const string PseudonymKey = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXk=";

    private readonly bool _started;

    private ServiceUnderTest(WebApplication app, string folder, bool started)
    {
        App = app;
        Folder = folder;
        _started = started;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string Folder { get; }

    public static LogTally Logs { get; } = new();

    /// <summary>The whole service, started: long polling against <paramref name="api"/>, turns, outbox dispatcher.</summary>
    public static async Task<ServiceUnderTest> StartAsync(FakeBotApi api)
    {
        var folder = NewFolder();
        var app = Program.Build(Arguments(api, folder), Quiet);
        var service = new ServiceUnderTest(app, folder, started: true);
        await app.StartAsync();
        return service;
    }

    /// <summary>
    /// The service's container without any background loop (no polling, no turn runner, no dispatcher), on a
    /// database migrated with the service's own migrations. Nothing is started.
    /// </summary>
    public static async Task<ServiceUnderTest> BuildIdleAsync()
    {
        var folder = NewFolder();
        var app = Program.Build(Arguments(null, folder), builder =>
        {
            Quiet(builder);
            builder.Services.RemoveAll<IHostedService>();
        });
        var service = new ServiceUnderTest(app, folder, started: false);
        await app.Services.MigrateDatabaseAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await App.StopAsync(stop.Token);
        }

        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS's temp cleaning will have it.
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "timpora-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Settings as command-line arguments, which beat appsettings.json as they would in production.</summary>
    private static string[] Arguments(FakeBotApi? api, string folder) =>
    [
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:Timpora=Data Source={Path.Combine(folder, "timpora.db")}",
        $"--Privacy:PseudonymKey={PseudonymKey}",
        $"--Serilog:WriteTo:0:Args:path={Path.Combine(folder, "logs", "timpora-.log")}",
        $"--Telegram:BotToken={api?.Token ?? ""}",
        $"--Telegram:ApiBaseUrl={api?.BaseUrl.ToString().TrimEnd('/') ?? "https://api.telegram.org"}",
        "--Telegram:PollTimeoutSeconds=1",
    ];

    // The service logs through Serilog to the console; a benchmark prints a table instead, and counts what went wrong.
    private static void Quiet(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
    }
}

/// <summary>Counts warnings and errors and keeps the first few distinct ones.</summary>
internal sealed class LogTally : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _distinct = new(StringComparer.Ordinal);
    private int _warnings;
    private int _errors;

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Distinct warnings and errors with how often each came, most frequent first.</summary>
    public IReadOnlyList<(string Line, int Count)> Distinct =>
        _distinct.OrderByDescending(d => d.Value).Select(d => (d.Key, d.Value)).ToList();

    public ILogger CreateLogger(string categoryName) => new Tally(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Tally(LogTally owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Warning)
            {
                return;
            }

            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref owner._warnings);
            }
            else
            {
                Interlocked.Increment(ref owner._errors);
            }

            // The template, not the rendered text, so a thousand "message 17 failed" lines count as one kind.
            var template = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.FirstOrDefault(p => p.Key == "{OriginalFormat}").Value as string
                : null;
            var line = $"{logLevel} {category}: {template ?? formatter(state, exception)}"
                       + (exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]");
            if (owner._distinct.Count < 50 || owner._distinct.ContainsKey(line))
            {
                owner._distinct.AddOrUpdate(line, 1, (_, n) => n + 1);
            }
        }
    }
}
