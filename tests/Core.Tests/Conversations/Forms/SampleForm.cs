using System.Collections.Concurrent;
using System.Globalization;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Conversations.Forms;

/// <summary>
/// A form that only the tests know, with one of everything the form DSL offers: a pick, a stop, a tell, a count, a
/// conditional free text, a free text, an optional photo, a phone (with its keyboard), the confirmation and a finisher
/// that can send the person back. Its texts are borrowed from the booking, so it adds none.
/// </summary>
public sealed class SampleForm : FormFlow<SampleDraft>
{
    public const string FlowName = "sample";

    /// <summary>The name that makes the finisher send the person back to the name step, as a slot just taken would.</summary>
    public const string TakenName = "taken";

    public const string Code = "SMP-0001";

    public const int MostApplicants = 5;

    public const long LargestPhoto = 2 * 1024 * 1024;

    public override string Name => FlowName;

    public override IReadOnlyList<string> Commands { get; } = [FlowName];

    /// <summary>Every draft the finisher completed, in order; cancelled or returned ones never arrive here.</summary>
    public ConcurrentQueue<SampleDraft> Completed { get; } = new();

    /// <summary>The facts read back at the confirmation, one a line; the tests build the same to compare.</summary>
    public static string Summary(Language language, SampleDraft d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return string.Join(
            "\n",
            Texts.Get(language, $"Visit.Service.{d.Service}"),
            d.Applicants.ToString(CultureInfo.InvariantCulture),
            Html.Escape(d.Note ?? "-"),
            Html.Escape(d.Name ?? ""),
            d.Phone,
            Texts.Get(language, d.LetterPhotoId is null ? "Visit.Letter.None" : "Visit.Letter.Attached"));
    }

    protected override Form<SampleDraft> Build(Form<SampleDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form
            .Ask("svc", "Visit.Ask.Service", new Pick<VisitService>("Visit.Service"), (d, v) => d.Service = v)
            .StopIf(d => d.Service == VisitService.StayPermit, (turn, _) => turn.Text("Visit.CanTravel", Html.Escape(Some.OfficeAddress), Html.Escape(Some.OfficePhone)))
            .Tell((turn, d) => turn.Text($"Visit.Checklist.{d.Service}"))
            .Ask("n", (turn, _) => turn.Text("Visit.Ask.Applicants", MostApplicants), new Count(1, MostApplicants), (d, v) => d.Applicants = v)
            .Ask("note", "Visit.Ask.ReasonNote", new FreeText(10, 500), (d, v) => d.Note = v, when: d => d.Service == VisitService.PassportReplacement)
            .Ask("name", "Visit.Ask.Name", new FreeText(3, 100), (d, v) => d.Name = v)
            .Optional("letter", "Visit.Ask.Letter", new PhotoAnswer(LargestPhoto), (d, v) => d.LetterPhotoId = v)
            .Ask("phone", "Visit.Ask.Phone", new PhoneAnswer(), (d, v) => d.Phone = v)
            .Confirm((turn, d) => Summary(turn.Language, d))
            .Finish(FinishAsync);
    }

    private Task<Finished> FinishAsync(Turn turn, SampleDraft d, CancellationToken ct)
    {
        if (d.Name == TakenName)
        {
            return Task.FromResult(Finished.Return("name", turn.Text("Visit.SlotTaken")));
        }

        Completed.Enqueue(d);
        turn.Say("Visit.Booked", Code, Html.Escape(d.Name ?? ""));
        return Task.FromResult(Finished.Done);
    }
}

/// <summary>The sample form's answers so far.</summary>
public sealed class SampleDraft
{
    public VisitService? Service { get; set; }

    public int Applicants { get; set; }

    public string? Note { get; set; }

    public string? Name { get; set; }

    public string? LetterPhotoId { get; set; }

    public string? Phone { get; set; }
}
