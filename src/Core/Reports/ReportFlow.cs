using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Places;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Reports;

/// <summary>
/// Reporting suspicious foreigners anonymously: first what is and is not kept, then what, what was seen, where, when,
/// and optionally how many, a nationality and photos; then the summary and send. The draft lives only in the
/// conversation's state and is gone once the report is sent or cancelled. Nothing here logs: a log line written while a
/// report is sent would tie a conversation to it by its time.
/// </summary>
public sealed class ReportFlow(
    Reports reports,
    ReportQuota quota,
    WorkingArea area,
    WorkingCalendar calendar,
    IOptions<ReportsOptions> options,
    IOptions<OfficeOptions> office) : FormFlow<ReportDraft>
{
    public const string FlowName = "report";

    public const int ShortestText = 10;
    public const int LongestText = 2000;
    public const int MostPeople = 500;

    public override string Name => FlowName;

    public override IReadOnlyList<string> Commands { get; } = ["lapor", "report"];

    public override Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!quota.Allows(turn.Pseudonym, turn.Now))
        {
            turn.End();
            return RefuseOverQuotaAsync(turn, ct);
        }

        return base.StartAsync(turn, ct);
    }

    protected override Form<ReportDraft> Build(Form<ReportDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var limits = options.Value;
        return form
            .Tell((turn, _) => turn.Text("Report.Intro"))
            .Ask("cat", "Report.Ask.Category", new Pick<ReportCategory>("Report.Category"), (d, v) => d.Category = v)
            .Tell((turn, _) => turn.Text("Report.Emergency"), when: d => d.Category == ReportCategory.Drugs)
            .Ask("text", (turn, _) => turn.Text("Report.Ask.Text", ShortestText, LongestText), new FreeText(ShortestText, LongestText), (d, v) => d.Text = v)
            .Ask("where", "Report.Ask.Where", new RoughPlaceAnswer(area), (d, v) => d.Place = v)
            .Ask("when", "Report.Ask.When", new SeenAnswer(calendar), (d, v) =>
            {
                d.Seen = v.Period;
                d.SeenOn = v.Date;
            })
            .Optional("people", "Report.Ask.People", new Count(1, MostPeople, buttonsUpTo: 10), (d, v) => d.People = v == 0 ? null : v)
            .Optional("nat", "Report.Ask.Nationality", new FreeText(2, 60), (d, v) => d.Nationality = v)
            .Optional("photos", (turn, _) => turn.Text("Report.Ask.Photos", limits.MaxPhotos, limits.MaxPhotoBytes / (1024 * 1024)), new ReportPhotosAnswer(limits.MaxPhotos, limits.MaxPhotoBytes), (d, v) => d.Photos = v ?? [], when: _ => limits.MaxPhotos > 0)
            .Confirm(Summary)
            .Finish(SendAsync);
    }

    private string Summary(Turn turn, ReportDraft d)
    {
        var place = d.Place!;
        var where = place.Text is { } typed ? Html.Escape(typed) : turn.Text("Report.Summary.Pin");
        if (place.Outside)
        {
            where += "\n" + turn.Text("Report.Summary.Outside");
        }

        var seen = d.Seen == SeenPeriod.OnDate && d.SeenOn is { } day
            ? Visits.WindowText.Day(day, turn.Language)
            : turn.Text($"Report.Seen.{d.Seen}");
        return turn.Text(
            "Report.Summary",
            ReportCard.Category(d.Category!.Value, turn.Language),
            Html.Escape(d.Text ?? ""),
            where,
            seen,
            d.People?.ToString(Texts.Culture(turn.Language)) ?? "–",
            d.Nationality is { } n ? Html.Escape(n) : "–",
            d.Photos.Count);
    }

    private async Task<Finished> SendAsync(Turn turn, ReportDraft d, CancellationToken ct)
    {
        if (!quota.Allows(turn.Pseudonym, turn.Now))
        {
            await RefuseOverQuotaAsync(turn, ct);
            return Finished.Done;
        }

        var submitted = await reports.SubmitAsync(d, turn.Message.Address.Channel, turn.Now, ct);
        if (submitted.Failure is { } failure)
        {
            if (failure.Problem == PhotoProblem.Unavailable)
            {
                // Telegram did not hand the photo over just now; everything stays, and sending again usually works.
                return Finished.Reconfirm(turn.Text("Report.Photos.Unavailable", failure.Number));
            }

            d.Photos.RemoveAt(failure.Number - 1);
            var why = PhotoChecks.Explain(turn, failure.Problem, options.Value.MaxPhotoBytes);
            return Finished.Return("photos", turn.Text("Report.Photos.Dropped", failure.Number, why));
        }

        turn.AfterCommit(() => quota.Count(turn.Pseudonym, turn.Now));
        turn.Say(new OutgoingMessage { Text = turn.Text("Report.Sent", submitted.ReceiptCode), Keyboard = ReplyKeyboard.Removed });
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
        return Finished.Done;
    }

    private Task RefuseOverQuotaAsync(Turn turn, CancellationToken ct)
    {
        turn.Say(new OutgoingMessage { Text = turn.Text("Report.Quota", options.Value.DailyLimit, Html.Escape(office.Value.Phone)), Keyboard = ReplyKeyboard.Removed });
        return turn.StartAsync(ConversationEngine.MenuFlow, ct);
    }
}
