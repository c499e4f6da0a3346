using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Storage;

namespace Timpora.Core.Reports;

/// <summary>
/// A new report nobody has claimed after <see cref="ReportsOptions.EscalateAfterOfficeHours"/> of office time goes to
/// every supervisor, once. The database decides: the report is marked escalated in the same unit of work that queues
/// the messages, each keyed by report and supervisor, so a second run or instance sends nothing twice.
/// </summary>
public sealed class Escalations(
    TimporaDb db,
    Outbox outbox,
    ReportCard cards,
    Triage triage,
    OfficeClock office,
    IOptions<ReportsOptions> options,
    TimeProvider clock,
    ILogger<Escalations> log)
{
    public static string Key(long reportId, long officerId) =>
        string.Create(CultureInfo.InvariantCulture, $"report:{reportId}:escalate:{officerId}");

    /// <summary>Queues every escalation due now; returns how many supervisors were written to.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.FromHours(options.Value.EscalateAfterOfficeHours);

        // The arrival hour is rounded down, so a report may go up to an hour of office time early: better than late.
        var waiting = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.New && r.ClaimedBy == null && r.EscalatedAt == null)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.SubmittedAt })
            .ToListAsync(ct);
        var due = waiting.Where(r => office.DeadlineAfter(Utc(r.SubmittedAt), wait) <= now).Select(r => r.Id).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var supervisors = await db.Officers.AsNoTracking()
            .Where(o => o.Active && o.Role == OfficerRole.Supervisor && o.ChatKey != null)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        if (supervisors.Count == 0)
        {
            // Left unmarked on purpose: the reports go as soon as a supervisor enrols.
            log.LogWarning("{Reports} new reports have waited too long for a claim, but no supervisor is enrolled to tell", due.Count);
            return 0;
        }

        var sent = 0;
        foreach (var id in due)
        {
            sent += await EscalateAsync(id, supervisors, now, ct);
        }

        return sent;
    }

    private async Task<int> EscalateAsync(long reportId, List<Officer> supervisors, DateTimeOffset now, CancellationToken ct)
    {
        // Read again, tracked: an officer may have claimed it since the list above was read.
        var report = await db.Reports.SingleOrDefaultAsync(
            r => r.Id == reportId && r.Status == ReportStatus.New && r.ClaimedBy == null && r.EscalatedAt == null, ct);
        if (report is null)
        {
            return 0;
        }

        var language = ReportDesk.StaffLanguage;
        var waited = office.Between(Utc(report.SubmittedAt), now).TotalHours;
        var line = Texts.Format(language, "Escalation.Waiting", Html.Escape(report.Number), Math.Round(waited, 1), cards.Hour(report.SubmittedAt, language));
        var card = await triage.CardAsync(report, language, ct);
        card = card with { Text = line + "\n\n" + card.Text };
        var messages = ReportDesk.Messages(report, await triage.PhotosAsync(report.Id, ct), card, language).ToList();
        var keys = new List<string>();
        foreach (var supervisor in supervisors)
        {
            // The card carries the key; the pin and photos after it commit (or roll back) with it.
            var to = supervisor.Address!;
            var key = Key(report.Id, supervisor.Id);
            outbox.Enqueue(to, messages[0], key);
            foreach (var message in messages.Skip(1))
            {
                outbox.Enqueue(to, message);
            }

            keys.Add(key);
        }

        report.Escalated(now.UtcDateTime);
        if (!await outbox.CommitAsync(keys, ct))
        {
            // Someone claimed it meanwhile (the version moved), or another run queued it first: the next run sees
            // what is true now.
            log.LogInformation("Report {ReportNumber} changed or was escalated by another run meanwhile", report.Number);
            return 0;
        }

        log.LogInformation("Report {ReportNumber} went to {Supervisors} supervisors after {Hours:0.#} office hours unclaimed", report.Number, supervisors.Count, waited);
        return supervisors.Count;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
