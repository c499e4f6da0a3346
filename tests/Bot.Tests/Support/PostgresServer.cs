using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Timpora.Bot.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster in a temporary folder, on a loopback port, for the scale-out tests. PostgreSQL
/// refuses to run as root, so when the tests do (as CI does) the server runs as the 'postgres' user.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timpora-pg", Guid.NewGuid().ToString("N"));

    public int Port { get; } = BotHost.FreePort();

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=timpora;Database={database};Pooling=false");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 server binaries are missing ({Bin}); install the Debian package postgresql-15 (.ci/run does).");
        }

        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres", _folder);
        }

        await AsServerUserAsync("initdb", "-D", data, "-U", "timpora", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await AsServerUserAsync("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "start",
            "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off"));
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await AsServerUserAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Task AsServerUserAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args])
            : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
