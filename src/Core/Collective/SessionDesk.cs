using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// What the office and the people of a session are told when it changes: supervisors get each new request with its
/// buttons; a decision reaches the coordinator, the officers who go and every applicant with a chat; a cancellation
/// reaches the office, the officers who would go, and the applicants. Everything is queued in the caller's unit of
/// work, so it goes out only with the change it tells of. Staff read Indonesian; citizens read their own language.
/// Notices about a saved session are keyed under <see cref="Sessions.KeyPrefix"/> (an applicant's under
/// <see cref="Sessions.ApplicantKeyPrefix"/>), so a later cancellation or removal withdraws what still waits, and
/// the session's version in the key keeps one change's notices apart from the next one's.
/// </summary>
public sealed class SessionDesk(
    TimporaDb db,
    Outbox outbox,
    Sessions sessions,
    IOptions<CollectiveOptions> collective,
    IOptions<OfficeOptions> office,
    ILogger<SessionDesk> log)
{
    /// <summary>Pushed messages to officers are in Indonesian, like the morning schedule: they are office staff.</summary>
    public const Language StaffLanguage = Language.Indonesian;

    private int SetupMinutes => collective.Value.SetupMinutes;

    /// <summary>
    /// A new request: every supervisor gets its card with the approve, propose and decline buttons. With no supervisor
    /// enrolled every active officer gets it, so a request is never lost in a small office. The session is not saved
    /// yet (no id), so these go without a key.
    /// </summary>
    public async Task RequestedAsync(Session session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (deciders, supervised) = await OfficeAsync(ct);
        if (!supervised)
        {
            log.LogWarning("No supervisor is enrolled; a new session request goes to all {Count} active officers", deciders.Count);
        }

        foreach (var to in Addresses(deciders))
        {
            foreach (var message in SessionOfficeCard.Messages(session, StaffLanguage))
            {
                outbox.Enqueue(to, message);
            }
        }
    }

    /// <summary>The coordinator withdrew: supervisors, the officers who would go, and applicants with a chat are told.</summary>
    /// <param name="before">
    /// The status it was withdrawn from. Only an approved session's officers were told they go; those offered in an
    /// unanswered proposal never heard of it, so they are not told it is off.
    /// </param>
    public async Task CancelledAsync(Session session, SessionStatus before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (deciders, _) = await OfficeAsync(ct);
        var sentIds = before == SessionStatus.Approved ? await sessions.OfficersOfAsync(session.Id, ct) : [];
        var sent = await db.Officers.Where(o => o.Active && sentIds.Contains(o.Id)).ToListAsync(ct);
        var text = session.Date is { } date && sent.Count > 0
            ? Texts.Format(StaffLanguage, "Session.Staff.CancelledOn", Html.Escape(session.Code), Html.Escape(session.OrganisationName), WindowText.Day(date, StaffLanguage))
            : Texts.Format(StaffLanguage, "Session.Staff.Cancelled", Html.Escape(session.Code), Html.Escape(session.OrganisationName));
        var staff = deciders.Concat(sent).DistinctBy(o => o.Id).ToList();
        TellEach(staff, text, session, "cancelled");

        var applicants = await TellApplicantsAsync(
            session, "cancelled", a => SessionNews.ApplicantCalledOff(session, "Session.Applicant.Cancelled", office.Value, a.Language), ct);
        log.LogInformation("Session {SessionId} cancelled: {Staff} staff and {Applicants} applicants told", session.Id, staff.Count, applicants);
    }

    /// <summary>
    /// The session is fixed, by a supervisor (<paramref name="approvedBy"/>) or by the coordinator accepting the
    /// office's date (null; they were answered in their own turn). The officers who go, the applicants with a chat and
    /// the supervisors learn of it; after a supervisor's approval, so does the coordinator.
    /// </summary>
    public async Task ApprovedAsync(Session session, Officer? approvedBy, IReadOnlyCollection<long> officerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(officerIds);
        var when = SessionTimes.Of(session, SetupMinutes);
        var registered = await sessions.CountAsync(session.Id, ct);
        if (approvedBy is not null)
        {
            outbox.Enqueue(session.Coordinator, SessionNews.CoordinatorApproved(session, when, SetupMinutes, registered, session.Language), Key(session, "approved", "c"));
        }

        var going = await db.Officers.Where(o => o.Active && officerIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        foreach (var officer in going)
        {
            Tell(officer, SessionNews.OfficerAssigned(session, when, registered, StaffLanguage), session, "assigned");
            if (session.Point is { IsValid: true } point)
            {
                Tell(officer, new OutgoingMessage { Location = point }, session, "assigned", "pin");
            }
        }

        await TellApplicantsAsync(session, "approved", a => SessionNews.ApplicantApproved(session, a, when), ct);

        var code = Html.Escape(session.Code);
        var organisation = Html.Escape(session.OrganisationName);
        var day = when.Day(StaffLanguage);
        if (approvedBy is not null)
        {
            var note = Texts.Format(StaffLanguage, "Session.Staff.Approved", Html.Escape(approvedBy.Name), code, organisation, day, when.Start, going.Count);
            await TellSupervisorsAsync(session, note, [approvedBy.Id], "approved", ct);
        }
        else
        {
            var note = Texts.Format(StaffLanguage, "Session.Staff.Accepted", code, organisation, day, when.Start);
            TellEach((await OfficeAsync(ct)).Officers, note, session, "accepted");
        }
    }

    /// <summary>The coordinator's answer to an approval: the date, the start, the officers' arrival and the roster count.</summary>
    public async Task<OutgoingMessage> ApprovedForCoordinatorAsync(Session session, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var registered = await sessions.CountAsync(session.Id, ct);
        return SessionNews.CoordinatorApproved(session, SessionTimes.Of(session, SetupMinutes), SetupMinutes, registered, language);
    }

    /// <summary>The office offers another date: the coordinator gets it with accept and refuse; other supervisors learn who offered it.</summary>
    public async Task ProposedAsync(Session session, Officer proposedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(proposedBy);
        var when = SessionTimes.Of(session, SetupMinutes);
        outbox.Enqueue(session.Coordinator, SessionNews.CoordinatorProposed(session, when, session.Language), Key(session, "proposed", "c"));
        var note = Texts.Format(
            StaffLanguage, "Session.Staff.Proposed", Html.Escape(proposedBy.Name), Html.Escape(session.Code), Html.Escape(session.OrganisationName), when.Day(StaffLanguage), when.Start);
        await TellSupervisorsAsync(session, note, [proposedBy.Id], "proposed", ct);
    }

    /// <summary>The coordinator refused the office's date: the request is back, so the office gets its card and buttons again.</summary>
    public Task RefusedAsync(Session session, DateOnly proposedDate, CancellationToken ct) =>
        ReopenedAsync(session, "Session.Staff.Refused", proposedDate, "refused", ct);

    /// <summary>The coordinator accepted the office's date after it could no longer be used: the request is back, as after a refusal.</summary>
    public Task LapsedAsync(Session session, DateOnly proposedDate, CancellationToken ct) =>
        ReopenedAsync(session, "Session.Staff.Lapsed", proposedDate, "lapsed", ct);

    private async Task ReopenedAsync(Session session, string headingKey, DateOnly proposedDate, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var heading = Texts.Format(
            StaffLanguage, headingKey, Html.Escape(session.Code), Html.Escape(session.OrganisationName), WindowText.Day(proposedDate, StaffLanguage));
        foreach (var officer in (await OfficeAsync(ct)).Officers)
        {
            var part = 0;
            foreach (var message in SessionOfficeCard.Messages(session, StaffLanguage, heading))
            {
                Tell(officer, message, session, what, part++ == 0 ? null : "pin");
            }
        }
    }

    /// <summary>Declined: the coordinator gets the reason and where else to go; applicants and other supervisors are told.</summary>
    public async Task DeclinedAsync(Session session, Officer declinedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(declinedBy);
        outbox.Enqueue(session.Coordinator, SessionNews.CoordinatorDeclined(session, office.Value, session.Language), Key(session, "declined", "c"));
        await TellApplicantsAsync(session, "declined", a => SessionNews.ApplicantCalledOff(session, "Session.Applicant.Declined", office.Value, a.Language), ct);
        var note = Texts.Format(
            StaffLanguage, "Session.Staff.Declined", Html.Escape(declinedBy.Name), Html.Escape(session.Code), Html.Escape(session.OrganisationName), Html.Escape(session.DeclineReason));
        await TellSupervisorsAsync(session, note, [declinedBy.Id], "declined", ct);
    }

    /// <summary>
    /// A supervisor called off an approved session: the coordinator gets the reason, an apology and how to ask again;
    /// applicants with a chat learn it will not take place; the officers sent learn they need not go; the other
    /// supervisors learn who called it off and why. The one who did it was answered in their own turn.
    /// </summary>
    public async Task StoppedAsync(Session session, Officer stoppedBy, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stoppedBy);
        var date = session.Date ?? throw new InvalidOperationException("Only a scheduled session is called off.");
        outbox.Enqueue(session.Coordinator, SessionNews.CoordinatorStopped(session, date, reason, office.Value, session.Language), Key(session, "stopped", "c"));
        var applicants = await TellApplicantsAsync(session, "stopped", a => SessionNews.ApplicantStopped(session, date, office.Value, a.Language), ct);

        var code = Html.Escape(session.Code);
        var organisation = Html.Escape(session.OrganisationName);
        var day = WindowText.Day(date, StaffLanguage);
        var by = Html.Escape(stoppedBy.Name);
        var why = Html.Escape(reason);
        var goingIds = await sessions.OfficersOfAsync(session.Id, ct);
        var going = await db.Officers.Where(o => o.Active && goingIds.Contains(o.Id) && o.Id != stoppedBy.Id).OrderBy(o => o.Id).ToListAsync(ct);
        TellEach(going, Texts.Format(StaffLanguage, "Session.Staff.Stopped", by, code, organisation, day, why), session, "stopped");

        // A supervisor who was also sent hears it once, with "you need not go".
        var supervisorNote = Texts.Format(StaffLanguage, "Session.Staff.StoppedBy", by, code, organisation, day, why);
        var supervisors = await TellSupervisorsAsync(session, supervisorNote, [stoppedBy.Id, .. goingIds], "stopped", ct);

        log.LogInformation(
            "Session {SessionId} called off by officer {OfficerId}: {Officers} officers, {Supervisors} supervisors and {Applicants} applicants told",
            session.Id, stoppedBy.Id, going.Count, supervisors, applicants);
    }

    /// <summary>The day is done: the coordinator is thanked with the number; the office learns it.</summary>
    public async Task HeldAsync(Session session, Officer recordedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(recordedBy);
        outbox.Enqueue(session.Coordinator, SessionNews.CoordinatorThanks(session, office.Value, session.Language), Key(session, "held", "c"));
        var note = Texts.Format(
            StaffLanguage, "Session.Staff.Held", Html.Escape(recordedBy.Name), Html.Escape(session.Code), Html.Escape(session.OrganisationName), session.ApplicationsTaken ?? 0);
        TellEach((await OfficeAsync(ct)).Officers.Where(o => o.Id != recordedBy.Id), note, session, "held");
    }

    /// <summary>Who decides on requests: the supervisors, or every active officer when none is enrolled.</summary>
    private async Task<(IReadOnlyList<Officer> Officers, bool Supervised)> OfficeAsync(CancellationToken ct)
    {
        var active = await db.Officers.Where(o => o.Active).OrderBy(o => o.Id).ToListAsync(ct);
        var supervisors = active.Where(o => o.Role == OfficerRole.Supervisor).ToList();
        return supervisors.Count > 0 ? (supervisors, true) : (active, false);
    }

    /// <returns>How many supervisors were told.</returns>
    private async Task<int> TellSupervisorsAsync(Session session, string html, IReadOnlyCollection<long> except, string what, CancellationToken ct)
    {
        var others = await db.Officers
            .Where(o => o.Active && o.Role == OfficerRole.Supervisor && !except.Contains(o.Id))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        TellEach(others, html, session, what);
        return others.Count;
    }

    private void TellEach(IEnumerable<Officer> officers, string html, Session session, string what)
    {
        foreach (var officer in officers)
        {
            Tell(officer, OutgoingMessage.Say(html), session, what);
        }
    }

    private async Task<int> TellApplicantsAsync(Session session, string what, Func<Applicant, OutgoingMessage> message, CancellationToken ct)
    {
        var told = 0;
        foreach (var applicant in await sessions.RosterAsync(session.Id, ct))
        {
            if (applicant.Chat is { } chat)
            {
                var key = Sessions.ApplicantKeyPrefix(session.Id, applicant.Id) + string.Create(CultureInfo.InvariantCulture, $"{what}:v{session.Version}");
                outbox.Enqueue(chat, message(applicant), key);
                told++;
            }
        }

        return told;
    }

    private void Tell(Officer officer, OutgoingMessage message, Session session, string what, string? part = null)
    {
        if (officer.Address is { } to)
        {
            var recipient = string.Create(CultureInfo.InvariantCulture, $"o{officer.Id}");
            outbox.Enqueue(to, message, Key(session, what, part is null ? recipient : $"{recipient}:{part}"));
        }
    }

    private static IEnumerable<ConversationAddress> Addresses(IEnumerable<Officer> officers) => officers.Select(o => o.Address).OfType<ConversationAddress>();

    private static string Key(Session session, string what, string recipient) =>
        Sessions.KeyPrefix(session.Id) + string.Create(CultureInfo.InvariantCulture, $"{what}:v{session.Version}:{recipient}");
}
