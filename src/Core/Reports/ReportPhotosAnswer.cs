using Timpora.Core.Conversations.Forms;

namespace Timpora.Core.Reports;

/// <summary>
/// Up to a few photos, one message each (an album arrives as several). Each is kept as the channel's file id until the
/// report is sent; only then are the bytes fetched and cleaned. The step stays open, counting, until "done" or the
/// limit.
/// </summary>
public sealed class ReportPhotosAnswer(int max, long maxBytes) : IAnswer<List<string>>
{
    public const string DoneValue = "done";

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var have = asking.DraftAs<ReportDraft>().Photos.Count;
        return ValueTask.FromResult(have == 0 ? Question.Plain : More(asking, have));
    }

    public ValueTask<Parsed<List<string>>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var photos = asking.DraftAs<ReportDraft>().Photos;
        if (reply.Pressed == DoneValue)
        {
            return Done(photos.Count > 0 ? Parsed<List<string>>.Accept([.. photos]) : Parsed<List<string>>.Refuse(asking.Text("Report.Photos.NoneYet")));
        }

        var file = reply.Message.File;
        if (reply.Pressed is not null || file is null)
        {
            return Done(Parsed<List<string>>.Refuse(asking.Text("Report.Photos.Expected")));
        }

        if (PhotoChecks.Before(file, maxBytes) is { } problem)
        {
            return Done(Parsed<List<string>>.Refuse(PhotoChecks.Explain(asking.Turn, problem, maxBytes)));
        }

        if (photos.Count >= max)
        {
            return Done(Parsed<List<string>>.Narrow(asking.Text("Report.Photos.Full", max), More(asking, photos.Count)));
        }

        // Kept in the draft at once, so the next photo of an album finds this one counted.
        photos.Add(file.FileId);
        return Done(photos.Count >= max
            ? Parsed<List<string>>.Accept([.. photos])
            : Parsed<List<string>>.Narrow(asking.Text("Report.Photos.Received", photos.Count, max), More(asking, photos.Count)));
    }

    private static Question More(Asking asking, int have) => new()
    {
        Choices = [[asking.Choice(asking.Text("Report.Photos.Done", have), DoneValue)]],
    };

    private static ValueTask<Parsed<List<string>>> Done(Parsed<List<string>> parsed) => ValueTask.FromResult(parsed);
}
