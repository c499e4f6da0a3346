using System.Globalization;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Reports;

/// <summary>
/// The reporter's way back to a report: the receipt code opens it (for half an hour, in memory only), shows its status
/// and the officers' questions, and lets the reporter answer, add information or add a photo, still without a name.
/// The stored state holds only which step the reporter is at, never the report; a wrong, malformed and unknown code
/// read the same, and misses slow further tries down.
/// </summary>
public sealed class StatusFlow(
    Reports reports,
    ReportCard cards,
    StatusSessions sessions,
    ReceiptAttempts attempts,
    IOptions<ReportsOptions> options) : IFlow
{
    public const string FlowName = "status";

    public const int ShortestAnswer = 2;
    public const int LongestAnswer = 2000;

    private const string AskCode = "code";
    private const string Answer = "ans";
    private const string Photo = "photo";
    private const string Show = "show";
    private const string Close = "close";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["status"];

    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Message.Kind == IncomingKind.Command && turn.Message.CommandArgument is { Length: > 0 } typed)
        {
            await TryCodeAsync(turn, typed, ct);
            return;
        }

        await ShowAsync(turn, ct);
    }

    public async Task ShowAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await OpenReportAsync(turn, ct) is { } report)
        {
            await ShowAsync(turn, report, ct);
            return;
        }

        Ask(turn, AskCode, "Status.AskCode");
    }

    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var step = turn.State<StatusStep>(this)?.Step ?? AskCode;
        if (step == AskCode)
        {
            if (turn.Message.Kind != IncomingKind.Text || turn.Message.Text is not { } typed)
            {
                Ask(turn, AskCode, "Status.AskCode");
                return;
            }

            await TryCodeAsync(turn, typed, ct);
            return;
        }

        if (await OpenReportAsync(turn, ct) is not { } report)
        {
            turn.Say("Status.Lapsed");
            Ask(turn, AskCode, "Status.AskCode");
            return;
        }

        switch (step)
        {
            case Answer:
                await AnswerAsync(turn, report, ct);
                return;
            case Photo:
            case Show when turn.Message.File is not null:
                await PhotoAsync(turn, report, ct);
                return;
            case Show when Receipt.TryNormalize(turn.Message.Text, out _):
                // Another code typed under the card: the reporter has a second report to look at.
                await TryCodeAsync(turn, turn.Message.Text!, ct);
                return;
            default:
                turn.AskToChoose();
                return;
        }
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        if (press.Action == Close)
        {
            var open = sessions.Current(turn.Pseudonym, turn.Now) is not null;
            sessions.Close(turn.Pseudonym);
            turn.End();
            turn.Say(open ? "Status.Closed" : "Form.Cancelled");
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return;
        }

        if (press.Action == AskCode)
        {
            Ask(turn, AskCode, "Status.AskCode");
            return;
        }

        if (await OpenReportAsync(turn, ct) is not { } report)
        {
            // Nothing open (a restart, half an hour of quiet, or a button from long ago): the code opens it again.
            turn.Say("Status.Lapsed");
            Ask(turn, AskCode, "Status.AskCode");
            return;
        }

        switch (press.Action)
        {
            case Answer:
                Ask(turn, Answer, "Status.AskAnswer", ShortestAnswer, LongestAnswer);
                return;
            case Photo:
                Ask(turn, Photo, "Status.AskPhoto", options.Value.MaxPhotoBytes / (1024 * 1024));
                return;
            case Show:
                await ShowAsync(turn, report, ct);
                return;
            default:
                await turn.SayStaleAsync(ct);
                return;
        }
    }

    /// <summary>/batal forgets the opened report too: whoever picks up the phone next must not find it open.</summary>
    public Task CancelledAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        sessions.Close(turn.Pseudonym);
        return Task.CompletedTask;
    }

    private async Task TryCodeAsync(Turn turn, string typed, CancellationToken ct)
    {
        var wait = attempts.WaitBeforeTrying(turn.Pseudonym, turn.Now);
        if (wait > TimeSpan.Zero)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            turn.Say("Status.Wait", minutes.ToString(CultureInfo.InvariantCulture));
            turn.Stay(this, new StatusStep(AskCode));
            return;
        }

        if (await reports.FindAsync(typed, ct) is not { } report)
        {
            turn.AfterCommit(() => attempts.Missed(turn.Pseudonym, turn.Now));
            turn.Say("Status.NotFound");
            turn.Stay(this, new StatusStep(AskCode));
            return;
        }

        turn.AfterCommit(() =>
        {
            attempts.Matched(turn.Pseudonym);
            sessions.Open(turn.Pseudonym, report.Id, turn.Now);
        });
        await ShowAsync(turn, report, ct);
    }

    private async Task AnswerAsync(Turn turn, Report report, CancellationToken ct)
    {
        var text = turn.Message.Kind == IncomingKind.Text ? turn.Message.Text?.Trim() : null;
        var length = text is null ? 0 : new StringInfo(text).LengthInTextElements;
        if (text is null || length < ShortestAnswer || length > LongestAnswer)
        {
            Ask(turn, Answer, "Status.AskAnswer", ShortestAnswer, LongestAnswer);
            return;
        }

        var kind = await reports.AddFromReporterAsync(report, text, turn.Now, ct);
        turn.Say(kind == ReportEntryKind.Answer ? "Status.Answered" : "Status.Added");
        await ShowAsync(turn, report, ct);
    }

    private async Task PhotoAsync(Turn turn, Report report, CancellationToken ct)
    {
        var megabytes = options.Value.MaxPhotoBytes / (1024 * 1024);
        var file = turn.Message.File;
        if (file is null)
        {
            Ask(turn, Photo, "Status.AskPhoto", megabytes);
            return;
        }

        var problem = PhotoChecks.Before(file, options.Value.MaxPhotoBytes)
            ?? await reports.AddPhotoAsync(report, turn.Message.Address.Channel, file.FileId, turn.Now, ct);
        switch (problem)
        {
            case null:
                turn.Say("Status.PhotoAdded");
                await ShowAsync(turn, report, ct);
                return;
            case PhotoProblem.TooMany:
                turn.Say("Status.PhotoLimit", Reports.ExtraPhotosLater + options.Value.MaxPhotos);
                await ShowAsync(turn, report, ct);
                return;
            case PhotoProblem.Unavailable:
                turn.Say("Status.PhotoUnavailable");
                Ask(turn, Photo, "Status.AskPhoto", megabytes);
                return;
            default:
                turn.Say(OutgoingMessage.Say(PhotoChecks.Explain(turn, problem.Value, options.Value.MaxPhotoBytes)));
                Ask(turn, Photo, "Status.AskPhoto", megabytes);
                return;
        }
    }

    private async Task ShowAsync(Turn turn, Report report, CancellationToken ct)
    {
        var thread = await reports.ThreadAsync(report.Id, ct);
        var photos = await reports.PhotoCountAsync(report, ct);
        var card = cards.ForReporter(report, thread, photos, turn.Language);
        turn.Stay(this, new StatusStep(Show));
        turn.SayWithButtons(
            card,
            [ButtonPress.Button(turn.Text("Status.Button.Answer"), Name, Answer)],
            [ButtonPress.Button(turn.Text("Status.Button.Photo"), Name, Photo)],
            [ButtonPress.Button(turn.Text("Status.Button.Close"), Name, Close)]);
    }

    private void Ask(Turn turn, string step, string key, params object?[] args)
    {
        turn.Stay(this, new StatusStep(step));
        var rows = step == AskCode
            ? new IReadOnlyList<Button>[] { [ButtonPress.Button(turn.Text("Form.Cancel"), Name, Close)] }
            : [[ButtonPress.Button(turn.Text("Form.Back"), Name, Show)]];
        turn.SayWithButtons(turn.Text(key, args), rows);
    }

    private async Task<Report?> OpenReportAsync(Turn turn, CancellationToken ct) =>
        sessions.Current(turn.Pseudonym, turn.Now) is { } id ? await reports.ByIdAsync(id, ct) : null;

    /// <summary>Where the reporter is; deliberately without the report, which stays in memory (StatusSessions).</summary>
    internal sealed record StatusStep(string Step);
}
