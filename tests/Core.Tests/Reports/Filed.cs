using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Messaging;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Testing;

namespace Timpora.Core.Tests.Reports;

/// <summary>Reports as the office receives them: sent through the real service at the harness's clock, then committed.</summary>
public static class Filed
{
    public const string Text = "Tiga orang asing bekerja di bengkel las tanpa izin, sudah dua bulan.";

    /// <summary>Files a report; with <paramref name="photos"/> that many clean JPEGs, with <paramref name="pin"/> a map pin.</summary>
    public static Task<Report> ReportAsync(
        EngineHarness bot,
        ReportCategory category = ReportCategory.IllegalWork,
        string text = Text,
        int photos = 0,
        bool pin = false)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var files = new List<string>();
        for (var i = 0; i < photos; i++)
        {
            var id = $"photo-{Guid.NewGuid():N}";
            bot.Files.Register(id, TestImages.Jpeg(16 + i, 8));
            files.Add(id);
        }

        var draft = new ReportDraft
        {
            Category = category,
            Text = text,
            Seen = SeenPeriod.Today,
            Place = pin ? new ReportPlace(-6.1189, 106.1543, null, "Kota Serang", false) : new ReportPlace(null, null, "Jl. Raya Cilegon km 3", "Kota Serang", false),
            People = 3,
            Photos = files,
        };
        return bot.InScopeAsync(async sp =>
        {
            var submitted = await sp.GetRequiredService<Core.Reports.Reports>().SubmitAsync(draft, Channel.Telegram, bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return submitted.Report ?? throw new InvalidOperationException($"The report was not filed: {submitted.Failure}");
        });
    }

    public static Report Reload(EngineHarness bot, long id)
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var db = bot.Database.NewDb();
        return db.Reports.AsNoTracking().Single(r => r.Id == id);
    }

    public static IReadOnlyList<ReportEntry> Entries(EngineHarness bot, long id)
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var db = bot.Database.NewDb();
        return db.ReportEntries.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Id).ToList();
    }

    /// <summary>What was queued to a chat after the first <paramref name="rows"/> outbox rows.</summary>
    public static IReadOnlyList<OutgoingMessage> Since(EngineHarness bot, int rows, string chat)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return [.. bot.OutboxRows().Skip(rows).Where(o => o.ChatKey == chat).Select(o => MessageJson.Read<OutgoingMessage>(o.Message!))];
    }
}
