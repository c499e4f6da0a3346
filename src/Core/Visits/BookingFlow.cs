using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Places;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>
/// Booking a Jemput Bola visit: who it is for and why, the service, how many, where, when, who to call, then the
/// facts read back and confirmed. Written for a tired relative on a phone: every step has back and cancel.
/// </summary>
public sealed class BookingFlow(
    Bookings bookings,
    Availability availability,
    WorkingCalendar calendar,
    WorkingArea area,
    IOptions<JemputBolaOptions> options,
    IOptions<OfficeOptions> office) : FormFlow<VisitDraft>
{
    public const string FlowName = "jb";

    /// <summary>Telegram lets bots download files up to 20 MB; a phone photo of a letter is far smaller.</summary>
    public const long LargestLetter = 10 * 1024 * 1024;

    public override string Name => FlowName;

    public override IReadOnlyList<string> Commands { get; } = ["jemputbola", "visit"];

    private int MostApplicants => options.Value.MaxApplicants;

    protected override Form<VisitDraft> Build(Form<VisitDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form
            .Ask("why", "Visit.Ask.Reason", new Pick<VisitReason>("Visit.Reason"), (d, v) => d.Reason = v)
            .StopIf(d => d.Reason == VisitReason.CanTravel, (turn, _) => turn.Text("Visit.CanTravel", Html.Escape(office.Value.Address), Html.Escape(office.Value.Phone)))
            .Ask("note", "Visit.Ask.ReasonNote", new FreeText(10, 500), (d, v) => d.ReasonNote = v, when: d => d.Reason == VisitReason.Other)
            .Ask("svc", "Visit.Ask.Service", new Pick<VisitService>("Visit.Service"), (d, v) => d.Service = v)
            .Tell((turn, d) => Checklist.For(d.Service!.Value, turn.Language))
            .Ask("n", (turn, _) => turn.Text("Visit.Ask.Applicants", MostApplicants), new Count(1, MostApplicants), (d, v) => d.Applicants = v)
            .Ask("where", "Visit.Ask.Place", new PlaceAnswer(area), (d, v) => d.Place = v)
            .Ask("place", "Visit.Ask.PlaceDetails", new FreeText(3, 300), (d, v) => d.PlaceDetails = v)
            .Ask("slot", "Visit.Ask.Slot", new SlotAnswer(bookings, availability, calendar, options.Value.Windows, a => a.DraftAs<VisitDraft>().Applicants), (d, v) => d.Slot = v)
            .Ask("name", "Visit.Ask.Name", new FreeText(3, 100), (d, v) => d.Name = v)
            .Ask("nik", "Visit.Ask.Nik", new NikAnswer(), (d, v) => d.Nik = v)
            .Ask("phone", "Visit.Ask.Phone", new PhoneAnswer(), (d, v) => d.Phone = v)
            .Optional("letter", "Visit.Ask.Letter", new PhotoAnswer(LargestLetter), (d, v) => d.LetterPhotoId = v)
            .Confirm(Summary)
            .Finish(BookAsync);
    }

    private static string Summary(Turn turn, VisitDraft d) => turn.Text(
        "Visit.Summary",
        turn.Text($"Visit.Reason.{d.Reason}") + (d.ReasonNote is { } note ? $" ({Html.Escape(note)})" : ""),
        turn.Text($"Visit.Service.{d.Service}"),
        d.Applicants,
        PlaceText(turn, d.Place!),
        Html.Escape(d.PlaceDetails ?? ""),
        WindowText.Describe(d.Slot!, turn.Language),
        Html.Escape(d.Name ?? ""),
        d.Nik,
        PhoneNumber.Shown(d.Phone),
        turn.Text(d.LetterPhotoId is null ? "Visit.Letter.None" : "Visit.Letter.Attached"));

    private static string PlaceText(Turn turn, Place place) => place.Address is { } typed
        ? Html.Escape(typed)
        : turn.Text("Visit.SharedLocation");

    private async Task<Finished> BookAsync(Turn turn, VisitDraft d, CancellationToken ct)
    {
        var place = d.Place!;
        var facts = new VisitFacts(
            d.Reason!.Value,
            d.ReasonNote,
            d.Service!.Value,
            d.Applicants,
            place.Point,
            place.Address ?? place.Region,
            d.PlaceDetails ?? "",
            d.Name ?? "",
            d.Nik ?? "",
            d.Phone ?? "",
            d.LetterPhotoId);
        var booked = await bookings.BookAsync(turn.Message.Address, turn.Language, facts, d.Slot!, turn.Now, ct);
        if (booked.Visit is not { } visit)
        {
            // Someone took the last place (or the day closed) since the windows were shown: every other answer stays.
            return Finished.Return("slot", turn.Text("Visit.SlotTaken"));
        }

        turn.Say(new OutgoingMessage
        {
            Text = turn.Text("Visit.Booked", visit.Code, WindowText.Describe(visit.Slot, turn.Language)) + "\n\n" + Checklist.For(visit.Service, turn.Language),
            Keyboard = ReplyKeyboard.Removed,
        });
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
        return Finished.Done;
    }
}
