using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Timpora.Bench;

/// <summary>
/// Measures the real service and prints a Markdown table:
/// <c>dotnet run -c Release --project bench</c> (about 2.5 minutes on 2 cores) or <c>... -- --quick</c> (about 40 s).
/// For exploring: <c>-- --engine-only --workers=4 --turns=5000</c> runs only the engine measurement.
/// Everything runs in this process on loopback: the fake Bot API, the service, a SQLite file in a temporary folder.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var total = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var rows = new List<(string Measure, string Result, string How)>();

        var engineChats = quick ? 200 : 1000;
        var engineTurns = quick ? 3000 : 20_000;
        var engineWorkers = Option(args, "--workers", 16);
        engineTurns = Option(args, "--turns", engineTurns);
        var serialTurns = quick ? 1000 : 4000;
        if (args.Contains("--engine-only"))
        {
            var only = await EngineThroughput.RunAsync(engineChats, engineWorkers, engineTurns, CancellationToken.None);
            Console.WriteLine($"{engineWorkers} workers: {only.TurnsPerSecond:0} turns/s, p50 {Ms(only.TurnTime.P50)}, p99 {Ms(only.TurnTime.P99)}, max {Ms(only.TurnTime.Max)}, pool threads {only.PoolThreadsBefore} -> {only.PeakPoolThreads}");
            return 0;
        }

        const int latencyChats = 200;
        var pacedPeriod = TimeSpan.FromSeconds(10);
        var pacedRounds = Option(args, "--rounds", quick ? 1 : 3);
        if (args.Contains("--latency-only"))
        {
            var only = (await ReplyLatency.RunAsync(latencyChats, pacedPeriod, pacedRounds, bursts: 0)).Paced.Latency;
            Console.WriteLine($"paced, {latencyChats} chats: p50 {Ms(only.P50)}, p99 {Ms(only.P99)}, max {Ms(only.Max)}, {only.Count} replies");
            return 0;
        }

        var bursts = quick ? 1 : 2;
        var outboundMessages = quick ? 150 : 600;

        Console.Error.WriteLine($"Timpora benchmarks{(quick ? " (quick)" : "")}: engine, {engineWorkers} workers...");
        var engine = await EngineThroughput.RunAsync(engineChats, engineWorkers, engineTurns, CancellationToken.None);
        rows.Add((
            $"Engine turns per second, {engineWorkers} workers",
            $"**{engine.TurnsPerSecond.ToString("N0", Inv)} turns/s** (per turn p50 {Ms(engine.TurnTime.P50)}, p99 {Ms(engine.TurnTime.P99)}, max {Ms(engine.TurnTime.Max)})",
            $"{N(engine.Turns)} turns after {N(engine.WarmupTurns)} warm-up turns (each chat's /start); {N(engine.Chats)} chats, "
            + $"{engine.Workers} concurrent workers (as many as the service's turn runner allows), one turn at a time per chat; "
            + "real flows, outbox, pseudonyms, one DbContext per turn; SQLite file (WAL, synchronous=FULL); "
            + "turns: menu and information buttons, /bantuan, free text; "
            + $"{N(engine.Replies)} replies written to the outbox (not drained); thread pool grew from {engine.PoolThreadsBefore} to {engine.PeakPoolThreads} threads; "
            + $"{engine.Failures} failed turns"));

        Console.Error.WriteLine("Timpora benchmarks: engine, 1 worker...");
        var serial = await EngineThroughput.RunAsync(engineChats, 1, serialTurns, CancellationToken.None);
        rows.Add((
            "Engine turns per second, 1 worker",
            $"**{serial.TurnsPerSecond.ToString("N0", Inv)} turns/s** (per turn p50 {Ms(serial.TurnTime.P50)}, p99 {Ms(serial.TurnTime.P99)}, max {Ms(serial.TurnTime.Max)})",
            $"the same, one turn at a time: {N(serial.Turns)} turns after {N(serial.WarmupTurns)} warm-up turns; "
            + $"{serial.Failures} failed turns"));

        Console.Error.WriteLine("Timpora benchmarks: update-to-reply latency...");
        var latency = await ReplyLatency.RunAsync(latencyChats, pacedPeriod, pacedRounds, bursts);
        var paced = latency.Paced;
        rows.Add((
            $"Update→reply latency, {latencyChats} chats, paced",
            $"**p50 {Ms(paced.Latency.P50)}, p99 {Ms(paced.Latency.P99)}, max {Ms(paced.Latency.Max)}**",
            $"{N(paced.Latency.Count)} replies of {N(paced.Sent)} (/bantuan), each chat once per {pacedPeriod.TotalSeconds:0} s, staggered "
            + $"= {(latencyChats / pacedPeriod.TotalSeconds).ToString("0", Inv)} msg/s offered (under Telegram's 30/s); "
            + "from queuing the update in the fake Bot API to the fake accepting the reply's sendMessage: long poll (timeout 1 s), "
            + $"inbox, turn, outbox, dispatcher; clock calibration ±{Ms(latency.ClockUncertainty)}; {paced.Missing} unanswered"));
        var burst = latency.Burst;
        rows.Add((
            $"Update→reply latency, {latencyChats} chats, all at once",
            $"**p50 {Ms(burst.Latency.P50)}, p99 {Ms(burst.Latency.P99)}, max {Ms(burst.Latency.Max)}**",
            $"{bursts} burst(s): all {latencyChats} chats send /bantuan in the same instant; {N(burst.Latency.Count)} replies of {N(burst.Sent)} "
            + $"at {burst.RepliesPerSecond.ToString("0.0", Inv)} replies/s: the replies queue behind the dispatcher's own 29 msg/s cap "
            + $"(Telegram's 30/s), so this measures that limit, not the service; {burst.Missing} unanswered"));

        Console.Error.WriteLine("Timpora benchmarks: outbound rate against enforced limits...");
        var outbound = await OutboundRate.RunAsync(outboundMessages);
        rows.Add((
            "Outbound messages per second",
            $"**{outbound.PerSecond.ToString("0.0", Inv)} msg/s** ({outbound.PercentOfLimit.ToString("0", Inv)}% of {outbound.Limit}/s), "
            + $"**{outbound.RateLimited} × 429**",
            $"{N(outbound.Messages)} messages to {N(outbound.Messages)} chats put in the outbox at once, dispatcher woken; fake Bot API enforcing "
            + $"Telegram's limits (30/s overall, sliding window) and answering 429 beyond them; rate from first to last accepted send "
            + $"({N(outbound.Accepted)} accepted, {outbound.FirstToLast.TotalSeconds.ToString("0.0", Inv)} s; "
            + $"{outbound.WakeToLast.TotalSeconds.ToString("0.0", Inv)} s from wake-up); {outbound.LeftInOutbox} left in the outbox"));

        var process = Process.GetCurrentProcess();
        process.Refresh();
        rows.Add((
            "Peak memory",
            $"**{Mb(process.PeakWorkingSet64)} MB** peak working set; {Mb(GC.GetTotalAllocatedBytes(precise: true))} MB allocated in all",
            "the whole benchmark process at the end: service instances, fake Bot API and harness together; "
            + $"{(GCSettings.IsServerGC ? "Server" : "Workstation")} GC as in the service"));

        Console.WriteLine();
        var loadAfter = LoadAverage();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, "
                          + $"{RuntimeInformation.FrameworkDescription}; load average before/after the run {loadBefore} / {loadAfter}; "
                          + $"run{(quick ? " --quick" : "")} took {total.Elapsed.TotalSeconds.ToString("0", Inv)} s.");
        Console.WriteLine();
        Console.WriteLine("| Measure | Result | How |");
        Console.WriteLine("|---|---|---|");
        foreach (var (measure, result, how) in rows)
        {
            Console.WriteLine($"| {measure} | {result} | {how} |");
        }

        var logs = ServiceUnderTest.Logs;
        Console.WriteLine();
        Console.WriteLine($"Service log: {N(logs.Errors)} errors, {N(logs.Warnings)} warnings.");
        foreach (var (line, count) in logs.Distinct.Take(10))
        {
            Console.WriteLine($"  {count} × {line}");
        }

        try
        {
            // The service instances removed their own folders; remove the shared parent if nothing else is in it.
            Directory.Delete(Path.Combine(Path.GetTempPath(), "timpora-bench"));
        }
        catch (IOException)
        {
            // Not empty (another run, or a file the OS still holds): leave it.
        }

        var failed = engine.Failures > 0 || serial.Failures > 0 || paced.Missing > 0 || burst.Missing > 0 || outbound.RateLimited > 0
                     || outbound.Accepted != outbound.Messages || logs.Errors > 0;
        return failed ? 1 : 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages where the OS tells them (Linux), since other work skews every figure.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } given
            ? int.Parse(given[(name.Length + 1)..], CultureInfo.InvariantCulture)
            : fallback;

    private static CultureInfo Inv => CultureInfo.InvariantCulture;

    private static string N(int value) => value.ToString("N0", Inv);

    private static string Ms(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 10 => $"{value.TotalMilliseconds.ToString("0.00", Inv)} ms",
        < 1000 => $"{value.TotalMilliseconds.ToString("0", Inv)} ms",
        _ => $"{value.TotalSeconds.ToString("0.00", Inv)} s",
    };

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", Inv);
}
