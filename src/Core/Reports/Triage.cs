using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Storage;

namespace Timpora.Core.Reports;

/// <summary>
/// The office's handling of reports, in the caller's unit of work: finding and listing them, and every change an
/// officer makes. Each change writes its line in the report's thread, bumps the report's version (so two officers
/// acting at once conflict and one turn runs again) and tells the rest of the team. Callers check who the officer is.
/// </summary>
public sealed class Triage(
    TimporaDb db,
    Reports reports,
    ReportDesk desk,
    ReportCard cards,
    IOptions<ReportsOptions> options,
    IOptions<OfficeOptions> office)
{
    public const int PageSize = 8;

    public IReadOnlyList<ReportPartner> Partners => options.Value.Partners;

    /// <summary>By the number on a card; a number from a button is untrusted, and anything else finds nothing.</summary>
    public Task<Report?> FindAsync(string number, CancellationToken ct) => reports.ByNumberAsync(number, ct);

    /// <summary>The card as an officer sees it, with the whole thread and the name of whoever handles it.</summary>
    public async Task<OutgoingMessage> CardAsync(Report report, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var thread = await reports.ThreadAsync(report.Id, ct);
        return cards.ForStaff(report, thread, await NameAsync(report.ClaimedBy, ct), language);
    }

    public async Task<IReadOnlyList<ReportPhoto>> PhotosAsync(long reportId, CancellationToken ct) =>
        await db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == reportId).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>An officer's name, also after they were removed: the thread still says who did what.</summary>
    public async Task<string?> NameAsync(long? officerId, CancellationToken ct) =>
        officerId is { } id ? await db.Officers.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;

    /// <summary>One page of reports, newest first: the open ones when no status is given.</summary>
    public async Task<ReportPage> ListAsync(ReportStatus? status, ReportCategory? category, int page, CancellationToken ct)
    {
        List<ReportStatus> statuses = status is { } only ? [only] : [.. Report.OpenStatuses];
        var query = db.Reports.AsNoTracking().Where(r => statuses.Contains(r.Status));
        if (category is { } wanted)
        {
            query = query.Where(r => r.Category == wanted);
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 0, pages - 1);
        var items = await query
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip(shown * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var ids = items.Select(r => r.ClaimedBy).OfType<long>().Distinct().ToList();
        var names = await db.Officers.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new ReportPage(items, total, shown, pages, names);
    }

    /// <summary>Claims an open, unclaimed report; false (and nothing written) when it is not.</summary>
    public async Task<bool> ClaimAsync(Report report, Officer me, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(me);
        if (!report.Claim(me.Id))
        {
            return false;
        }

        Event(report, me, Texts.Get(ReportDesk.StaffLanguage, "Triage.Event.Claimed"), now);
        await TellAsync("Triage.Team.Claimed", report, me, null, ct);
        return true;
    }

    /// <summary>An officer's question, shown to the reporter only when they look under /status.</summary>
    public async Task AskAsync(Report report, Officer me, string question, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(me);
        db.ReportEntries.Add(new ReportEntry(report.Id, ReportEntryKind.Question, question, me.Id, Minute(now)));
        report.Touch();
        await TellAsync("Triage.Team.Asked", report, me, Html.Escape(question), ct);
    }

    /// <summary>An internal note: for the office only, never for the reporter or a partner.</summary>
    public async Task NoteAsync(Report report, Officer me, string note, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(me);
        db.ReportEntries.Add(new ReportEntry(report.Id, ReportEntryKind.Note, note, me.Id, Minute(now)));
        report.Touch();
        await TellAsync("Triage.Team.Noted", report, me, Html.Escape(note), ct);
    }

    /// <summary>Moves a report one allowed step; false (and nothing written) for any other status.</summary>
    public async Task<bool> MoveAsync(Report report, Officer me, ReportStatus status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(me);
        if (!report.MoveTo(status))
        {
            return false;
        }

        var name = ReportCard.StatusName(status, ReportDesk.StaffLanguage);
        Event(report, me, Texts.Format(ReportDesk.StaffLanguage, "Triage.Event.Status", name), now);
        await TellAsync("Triage.Team.Status", report, me, name, ct);
        return true;
    }

    /// <summary>
    /// Sends the partner what the reporter gave (the report, place, photos, questions and answers) and nothing the
    /// office keeps to itself: no notes, no events, no officers' names.
    /// </summary>
    public async Task ForwardAsync(Report report, Officer me, ReportPartner partner, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(partner);
        var thread = await reports.ThreadAsync(report.Id, ct);
        var photos = await PhotosAsync(report.Id, ct);
        desk.Send(new ConversationAddress(Channel.Telegram, partner.Chat.Trim()), report, photos, cards.ForPartner(report, thread, office.Value.Name));
        Event(report, me, Texts.Format(ReportDesk.StaffLanguage, "Triage.Event.Forwarded", partner.Name), now);

        // A second press of the same confirmation must find the report changed and send nothing twice.
        report.Touch();
        await TellAsync("Triage.Team.Forwarded", report, me, Html.Escape(partner.Name), ct);
    }

    private void Event(Report report, Officer me, string what, DateTimeOffset now) =>
        db.ReportEntries.Add(new ReportEntry(report.Id, ReportEntryKind.Event, what, me.Id, Minute(now)));

    private Task TellAsync(string key, Report report, Officer me, string? extra, CancellationToken ct) =>
        desk.TellTeamAsync(Texts.Format(ReportDesk.StaffLanguage, key, Html.Escape(report.Number), Html.Escape(me.Name), extra), except: me.Id, ct);

    /// <summary>What officers write carries the minute; only the reporter's words are kept to the hour.</summary>
    private static DateTime Minute(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);
    }
}

/// <summary>One page of the reports list, with the names of the officers handling them.</summary>
public sealed record ReportPage(IReadOnlyList<Report> Reports, int Total, int Page, int Pages, IReadOnlyDictionary<long, string> Claimers);
