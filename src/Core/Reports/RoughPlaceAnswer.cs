using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Places;

namespace Timpora.Core.Reports;

/// <summary>
/// Where something was seen: a shared pin, or words ("behind the Kramatwatu market"). Unlike a visit's address a
/// rough place is fine, and a place outside the working area is kept and marked rather than refused: the office can
/// still pass it on.
/// </summary>
public sealed class RoughPlaceAnswer(WorkingArea area) : IAnswer<ReportPlace>
{
    public const int Shortest = 5;
    public const int Longest = 300;

    public bool NumbersPickButtons => false;

    public bool UsesKeyboard => true;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(PlaceAnswer.ShareLocation(asking));

    public ValueTask<Parsed<ReportPlace>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        return ValueTask.FromResult(Read(asking, reply));
    }

    private Parsed<ReportPlace> Read(Asking asking, Reply reply)
    {
        if (reply.Message.Location is { } point)
        {
            return point.IsValid
                ? Parsed<ReportPlace>.Accept(new ReportPlace(point.Latitude, point.Longitude, null, null, Outside: !area.Check(point).IsInside))
                : Parsed<ReportPlace>.Refuse(asking.Text("Report.Place.Expected", Shortest, Longest));
        }

        if (reply.Typed is not { } typed || reply.Message.Kind != IncomingKind.Text || typed.Length < Shortest || typed.Length > Longest)
        {
            return Parsed<ReportPlace>.Refuse(asking.Text("Report.Place.Expected", Shortest, Longest));
        }

        var verdict = area.Check(typed);
        return Parsed<ReportPlace>.Accept(new ReportPlace(null, null, typed, verdict.Region, Outside: verdict.Kind == AreaVerdictKind.Outside));
    }
}
