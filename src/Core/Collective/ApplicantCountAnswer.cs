using System.Globalization;
using System.Text.RegularExpressions;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Information;
using Timpora.Core.Messaging;

namespace Timpora.Core.Collective;

/// <summary>
/// How many people a group expects, typed ("45", "sekitar 50 orang"). Too small a group is told kindly why a mobile
/// unit needs at least the minimum and where else to go; the step stays, so a larger number or cancel is one reply away.
/// </summary>
public sealed partial class ApplicantCountAnswer(CollectiveOptions options, OfficeOptions office) : IAnswer<int>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<int>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);

        // Nothing here is a button, so a pressed "answer" is forged and means nothing.
        if (reply.Typed is not { } typed || Typed().Match(typed) is not { Success: true } match
            || !int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return Refuse(asking.Text("Collective.Count.NotANumber"));
        }

        if (count < options.MinimumApplicants)
        {
            return Refuse(asking.Text(
                "Collective.Count.BelowMinimum", options.MinimumApplicants, count, Html.Escape(office.Address), Html.Escape(office.Phone)));
        }

        if (count > options.MaximumApplicants)
        {
            return Refuse(asking.Text("Collective.Count.AboveMaximum", options.MaximumApplicants));
        }

        return ValueTask.FromResult(Parsed<int>.Accept(count));
    }

    private static ValueTask<Parsed<int>> Refuse(string problem) => ValueTask.FromResult(Parsed<int>.Refuse(problem));

    // People write an estimate the way they say it: "sekitar 50 orang", "about 45 people", "± 60".
    [GeneratedRegex(
        @"^(?:(?:sekitar|kurang lebih|kira-kira|kira2|about|around|approximately|approx\.?|±|~)\s*)?(?<n>[0-9]{1,5})\s*(?:orang|org|pemohon|peserta|jemaah|jamaah|people|persons|applicants|pax)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Typed();
}
