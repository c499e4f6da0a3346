using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;

namespace Timpora.Core.Reports;

/// <summary>
/// The reporter's side of reports, in the caller's unit of work: sending one, finding it again by its receipt code,
/// and adding answers, information and photos. Nothing here takes or keeps who the reporter is.
/// </summary>
public sealed class Reports(
    TimporaDb db,
    Pseudonyms keys,
    IFileSource files,
    ReportDesk desk,
    WorkingCalendar calendar,
    IOptions<ReportsOptions> options)
{
    /// <summary>
    /// Files the report with its photos cleaned of metadata, tells the duty officers, and returns the receipt code:
    /// the only copy there will ever be. Null code, with the photo that failed, when a photo cannot be used.
    /// </summary>
    public async Task<Submitted> SubmitAsync(ReportDraft draft, string channel, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var cleaned = new List<ScrubbedPhoto>();
        for (var i = 0; i < draft.Photos.Count; i++)
        {
            var (photo, problem) = await FetchAsync(channel, draft.Photos[i], ct);
            if (photo is null)
            {
                return new Submitted(null, null, new PhotoFailure(i + 1, problem!.Value));
            }

            cleaned.Add(photo);
        }

        var (code, hash) = await NewReceiptAsync(ct);
        var hour = Hours.Of(now);
        var report = new Report(await NewNumberAsync(ct), hash, draft, SeenOn(draft, now), hour);
        db.Reports.Add(report);
        var photos = cleaned.Select(p => new ReportPhoto(report, p, hour)).ToList();
        db.ReportPhotos.AddRange(photos);
        await desk.AnnounceAsync(report, photos, ct);
        return new Submitted(report, code, null);
    }

    /// <summary>The report with this code; a malformed, wrong and unknown code all find nothing.</summary>
    public async Task<Report?> FindAsync(string typedCode, CancellationToken ct)
    {
        if (!Receipt.TryNormalize(typedCode, out var code))
        {
            return null;
        }

        var hash = Receipt.Hash(code, keys);
        return await db.Reports.SingleOrDefaultAsync(r => r.ReceiptHash == hash, ct);
    }

    public Task<Report?> ByIdAsync(long id, CancellationToken ct) => db.Reports.SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>By the number on its card (from a button: untrusted, so anything else finds nothing).</summary>
    public Task<Report?> ByNumberAsync(string number, CancellationToken ct) => db.Reports.SingleOrDefaultAsync(r => r.Number == number, ct);

    /// <summary>The thread, oldest first, with the names of the officers who wrote in it; this turn's unsaved lines included.</summary>
    public async Task<IReadOnlyList<ReportThreadLine>> ThreadAsync(long reportId, CancellationToken ct)
    {
        var saved = await db.ReportEntries.Where(e => e.ReportId == reportId).OrderBy(e => e.Id).ToListAsync(ct);
        var entries = saved.Concat(Unsaved(db.ReportEntries.Local.Where(e => e.ReportId == reportId))).ToList();
        var ids = entries.Select(e => e.OfficerId).OfType<long>().Distinct().ToList();
        var names = await db.Officers.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. entries.Select(e => new ReportThreadLine(e.Kind, e.Text, e.OfficerId is { } id ? names.GetValueOrDefault(id) : null))];
    }

    /// <summary>How many photos the report has, this turn's unsaved ones included.</summary>
    public async Task<int> PhotoCountAsync(Report report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        return await db.ReportPhotos.CountAsync(p => p.ReportId == report.Id, ct)
            + Unsaved(db.ReportPhotos.Local.Where(p => p.Report == report || p.ReportId == report.Id)).Count();
    }

    /// <summary>
    /// The reporter's words: an answer when an officer's question waits for one, otherwise an addition. The team is
    /// told at once; the entry carries the hour only.
    /// </summary>
    public async Task<ReportEntryKind> AddFromReporterAsync(Report report, string text, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var last = await db.ReportEntries
            .Where(e => e.ReportId == report.Id && (e.Kind == ReportEntryKind.Question || e.Kind == ReportEntryKind.Answer))
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(ct);
        var kind = last?.Kind == ReportEntryKind.Question ? ReportEntryKind.Answer : ReportEntryKind.Addition;
        db.ReportEntries.Add(new ReportEntry(report.Id, kind, text, null, Hours.Of(now)));
        report.Touch();
        var key = kind == ReportEntryKind.Answer ? "Triage.Told.Answer" : "Triage.Told.Addition";
        await desk.TellTeamAsync(Texts.Format(ReportDesk.StaffLanguage, key, Html.Escape(report.Number), Html.Escape(text)), except: null, ct);
        return kind;
    }

    /// <summary>One more photo from the reporter, cleaned like the first ones and sent to the team.</summary>
    public async Task<PhotoProblem?> AddPhotoAsync(Report report, string channel, string fileId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (await PhotoCountAsync(report, ct) >= options.Value.MaxPhotos + ExtraPhotosLater)
        {
            return PhotoProblem.TooMany;
        }

        var (photo, problem) = await FetchAsync(channel, fileId, ct);
        if (photo is null)
        {
            return problem;
        }

        var stored = new ReportPhoto(report, photo, Hours.Of(now));
        db.ReportPhotos.Add(stored);
        report.Touch();
        var line = Texts.Format(ReportDesk.StaffLanguage, "Triage.Told.Photo", Html.Escape(report.Number));
        foreach (var to in await desk.TeamAsync(except: null, ct))
        {
            desk.SendPhoto(to, stored, line);
        }

        return null;
    }

    /// <summary>Photos a reporter may add under /status beyond those sent with the report.</summary>
    public const int ExtraPhotosLater = 5;

    private async Task<(ScrubbedPhoto? Photo, PhotoProblem? Problem)> FetchAsync(string channel, string fileId, CancellationToken ct)
    {
        byte[]? bytes;
        try
        {
            bytes = await files.FetchAsync(channel, fileId, options.Value.MaxPhotoBytes, ct);
        }
        catch (FileUnavailableException)
        {
            return (null, PhotoProblem.Unavailable);
        }

        if (bytes is null)
        {
            return (null, PhotoProblem.TooBig);
        }

        return PhotoScrubber.Scrub(bytes) is { } clean ? (clean, null) : (null, PhotoProblem.NotAnImage);
    }

    private IEnumerable<T> Unsaved<T>(IEnumerable<T> local)
        where T : class => local.Where(e => db.Entry(e).State == EntityState.Added);

    private DateOnly SeenOn(ReportDraft draft, DateTimeOffset now)
    {
        var today = calendar.Today(now);
        return draft.Seen switch
        {
            SeenPeriod.OnDate when draft.SeenOn is { } day => day,
            SeenPeriod.Yesterday => today.AddDays(-1),
            SeenPeriod.ThisWeek => today.AddDays(-6),
            _ => today,
        };
    }

    private async Task<string> NewNumberAsync(CancellationToken ct)
    {
        while (true)
        {
            var number = "LP-" + Receipt.New()[..4];
            if (!await db.Reports.AnyAsync(r => r.Number == number, ct) && !db.Reports.Local.Any(r => r.Number == number))
            {
                return number;
            }
        }
    }

    /// <summary>A new code as shown (with dashes) and the hash of its canonical form, which is what is stored.</summary>
    private async Task<(string Code, string Hash)> NewReceiptAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = Receipt.New();
            if (!Receipt.TryNormalize(code, out var normalized))
            {
                throw new InvalidOperationException("A new receipt code must read back as one.");
            }

            var hash = Receipt.Hash(normalized, keys);
            if (!await db.Reports.AnyAsync(r => r.ReceiptHash == hash, ct))
            {
                return (code, hash);
            }
        }
    }
}

/// <summary>A sent report and its receipt code, or which photo stopped it.</summary>
public sealed record Submitted(Report? Report, string? ReceiptCode, PhotoFailure? Failure);

/// <summary>The photo (counted from 1) that could not be used, and why.</summary>
public sealed record PhotoFailure(int Number, PhotoProblem Problem);

public enum PhotoProblem
{
    /// <summary>The channel could not give it now; trying again later may work.</summary>
    Unavailable,

    TooBig,

    /// <summary>Not a JPEG or PNG we can clean (or a damaged one).</summary>
    NotAnImage,

    TooMany,
}

/// <summary>The checks a photo message allows before anything is fetched, and the words for each problem.</summary>
public static class PhotoChecks
{
    /// <summary>Not a JPEG or PNG by what the channel says, or declared larger than the limit; null when it may be fetched.</summary>
    public static PhotoProblem? Before(IncomingFile file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.IsPhoto && file.MimeType is not ("image/jpeg" or "image/png"))
        {
            return PhotoProblem.NotAnImage;
        }

        return file.Size > maxBytes ? PhotoProblem.TooBig : null;
    }

    /// <summary>Why a photo cannot be used, for the reporter; {0} of the too-big text is the limit in MB.</summary>
    public static string Explain(Turn turn, PhotoProblem problem, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return problem == PhotoProblem.TooBig
            ? turn.Text("Report.Photos.TooBig", maxBytes / (1024 * 1024))
            : turn.Text("Report.Photos.WrongKind");
    }
}
