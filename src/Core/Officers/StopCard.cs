using System.Globalization;
using System.Text;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Visits;

namespace Timpora.Core.Officers;

/// <summary>Which buttons a stop card carries: officers record the outcome; supervisors may also hand the visit on.</summary>
[Flags]
public enum StopButtons
{
    None = 0,
    Outcome = 1,
    Reassign = 2,
}

/// <summary>
/// One visit as an officer on the road needs it: when, where, who to call, what to bring, with the pin after the text
/// and the outcome buttons under it. The phone number is here on purpose (officers call before they set off); it goes
/// to the officer's chat and never to a log.
/// </summary>
public static class StopCard
{
    /// <summary>Callback payloads handled by the duty flow; keep them as they are.</summary>
    public const string DonePayload = "v1:duty:done:";
    public const string NotAvailablePayload = "v1:duty:na:";
    public const string NewDatePayload = "v1:duty:again:";
    public const string MovePayload = "v1:duty:move:";

    public static OutgoingMessage For(Visit visit, int number, Language language, StopButtons buttons)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var text = new StringBuilder();
        text.Append(Texts.Format(language, "Notice.Stop.Heading", number, WindowText.Time(visit.Starts), WindowText.Time(visit.Ends), Html.Escape(visit.Code)));
        Line(text, Texts.Format(language, "Notice.Stop.Place", Html.Escape(visit.PlaceDetails)));
        if (!string.IsNullOrWhiteSpace(visit.Address))
        {
            Line(text, Texts.Format(language, "Notice.Stop.Address", Html.Escape(visit.Address)));
        }

        Line(text, Texts.Format(language, "Notice.Stop.Applicants", visit.Applicants, ServiceName(visit.Service, language)));
        Line(text, string.IsNullOrWhiteSpace(visit.ReasonNote)
            ? Texts.Format(language, "Notice.Stop.Reason", ReasonName(visit.Reason, language))
            : Texts.Format(language, "Notice.Stop.ReasonNote", ReasonName(visit.Reason, language), Html.Escape(visit.ReasonNote)));
        Line(text, Texts.Format(language, "Notice.Stop.Name", Html.Escape(visit.ApplicantName)));
        Line(text, Texts.Format(language, "Notice.Stop.Phone", Html.Escape(PhoneNumber.Shown(visit.Phone))));
        if (visit.Point is { } point)
        {
            Line(text, Texts.Format(language, "Notice.Stop.Map", Html.Escape(MapLink(point))));
        }

        if (visit.LetterPhotoId is not null)
        {
            Line(text, Texts.Get(language, "Notice.Stop.Letter"));
        }

        var open = visit.Status == VisitStatus.Booked;
        if (!open)
        {
            text.Append("\n\n").Append(Outcome(visit.Status, language));
        }

        return new OutgoingMessage
        {
            Text = text.ToString(),
            PhotoId = visit.LetterPhotoId,
            Location = visit.Point,
            Buttons = open ? Buttons(visit.Id, language, buttons) : [],
        };
    }

    /// <summary>The service as the citizen chose it, e.g. "Paspor baru (WNI)".</summary>
    public static string ServiceName(VisitService service, Language language) => Texts.Get(language, $"Visit.Service.{service}");

    public static string ReasonName(VisitReason reason, Language language) => Texts.Get(language, $"Visit.Reason.{reason}");

    /// <summary>The line a card shows instead of buttons once the visit has an outcome.</summary>
    public static string Outcome(VisitStatus status, Language language) => Texts.Get(language, status switch
    {
        VisitStatus.Done => "Notice.Outcome.Done",
        VisitStatus.NotAvailable => "Notice.Outcome.NotAvailable",
        VisitStatus.NeedsNewDate => "Notice.Outcome.NeedsNewDate",
        VisitStatus.Cancelled => "Notice.Outcome.Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A booked visit has no outcome yet."),
    });

    /// <summary>Where the visit is, as its place details and address: "RSUD Serang, Ruang Melati 3 (Kota Serang)".</summary>
    public static string Place(Visit visit, Language language)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return string.IsNullOrWhiteSpace(visit.Address)
            ? Html.Escape(visit.PlaceDetails)
            : Texts.Format(language, "Notice.Place", Html.Escape(visit.PlaceDetails), Html.Escape(visit.Address));
    }

    /// <summary>A link any phone opens in its map app; raw, to be escaped when it goes into HTML.</summary>
    public static string MapLink(GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return string.Create(CultureInfo.InvariantCulture, $"https://www.google.com/maps/search/?api=1&query={point.Latitude},{point.Longitude}");
    }

    private static IReadOnlyList<IReadOnlyList<Button>> Buttons(long visitId, Language language, StopButtons buttons)
    {
        var id = visitId.ToString(CultureInfo.InvariantCulture);
        var all = new List<Button>();
        if (buttons.HasFlag(StopButtons.Outcome))
        {
            all.Add(new Button(Texts.Get(language, "Notice.Button.Done"), DonePayload + id));
            all.Add(new Button(Texts.Get(language, "Notice.Button.NotAvailable"), NotAvailablePayload + id));
            all.Add(new Button(Texts.Get(language, "Notice.Button.NewDate"), NewDatePayload + id));
        }

        if (buttons.HasFlag(StopButtons.Reassign))
        {
            all.Add(new Button(Texts.Get(language, "Notice.Button.Move"), MovePayload + id));
        }

        // Two to a row: three long labels side by side are cut off on a small phone.
        return [.. all.Chunk(2).Select(row => (IReadOnlyList<Button>)row)];
    }

    private static void Line(StringBuilder text, string line) => text.Append('\n').Append(line);
}
