using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Core.Reports;

/// <summary>
/// Where reports go inside the office: the TIMPORA duty group when one is configured, otherwise every enrolled officer
/// in their own chat. Staff messages are in Indonesian; officers read the office's language.
/// </summary>
public sealed class ReportDesk(TimporaDb db, Outbox outbox, ReportCard cards, IOptions<ReportsOptions> options)
{
    public static readonly Language StaffLanguage = Language.Indonesian;

    /// <summary>The configured duty group, or null when reports go to each officer.</summary>
    public ConversationAddress? DutyGroup =>
        options.Value.DutyChat is { Length: > 0 } chat ? new ConversationAddress(Channel.Telegram, chat) : null;

    /// <summary>Everyone who should see a report: the duty group, or each active officer except <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<ConversationAddress>> TeamAsync(long? except, CancellationToken ct)
    {
        if (DutyGroup is { } group)
        {
            return [group];
        }

        var officers = await db.Officers.Where(o => o.Active && o.Id != except).OrderBy(o => o.Id).ToListAsync(ct);
        return [.. officers.Select(o => o.Address).OfType<ConversationAddress>()];
    }

    /// <summary>A new report: its card with the officers' buttons, then the pin, then each photo.</summary>
    public async Task AnnounceAsync(Report report, IReadOnlyList<ReportPhoto> photos, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(photos);
        foreach (var to in await TeamAsync(except: null, ct))
        {
            Send(to, report, photos, cards.ForStaff(report, [], claimedBy: null, StaffLanguage));
        }
    }

    /// <summary>A short line for the whole team (a claim, a status, the reporter's answer), except the officer who caused it.</summary>
    public async Task TellTeamAsync(string html, long? except, CancellationToken ct)
    {
        foreach (var to in await TeamAsync(except, ct))
        {
            outbox.Enqueue(to, OutgoingMessage.Say(html));
        }
    }

    /// <summary>Queues a report's card (any variant), its pin and its photos to one chat, in that order.</summary>
    public void Send(ConversationAddress to, Report report, IReadOnlyList<ReportPhoto> photos, OutgoingMessage card)
    {
        ArgumentNullException.ThrowIfNull(to);
        foreach (var message in Messages(report, photos, card, StaffLanguage))
        {
            outbox.Enqueue(to, message);
        }
    }

    /// <summary>
    /// A report as messages: the card, the pin, then each photo captioned with the report's number so it is never
    /// mistaken for another's. Queued to the team, or said to an officer who opens the report.
    /// </summary>
    public static IEnumerable<OutgoingMessage> Messages(Report report, IReadOnlyList<ReportPhoto> photos, OutgoingMessage card, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(card);
        yield return card;
        if (report.Point is { IsValid: true } point)
        {
            yield return new OutgoingMessage { Location = point };
        }

        for (var i = 0; i < photos.Count; i++)
        {
            var caption = Texts.Format(language, "Triage.PhotoCaption", Html.Escape(report.Number), i + 1, photos.Count);
            yield return new OutgoingMessage { PhotoBytes = photos[i].Bytes, Caption = caption };
        }
    }

    public void SendPhoto(ConversationAddress to, ReportPhoto photo, string captionHtml)
    {
        ArgumentNullException.ThrowIfNull(photo);
        outbox.Enqueue(to, new OutgoingMessage { PhotoBytes = photo.Bytes, Caption = captionHtml });
    }
}
