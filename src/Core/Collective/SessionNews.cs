using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// What people are told when a session changes, as messages: each in the reader's language (officers read the
/// office's), with every piece the coordinator or a supervisor typed escaped. Who gets them is <see cref="SessionDesk"/>'s.
/// </summary>
public static class SessionNews
{
    public static OutgoingMessage CoordinatorApproved(Session session, SessionTimes when, int setupMinutes, int registered, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(when);
        return OutgoingMessage.Say(Texts.Format(
            language, "Session.Coordinator.Approved", Html.Escape(session.Code), when.Day(language), when.Start, setupMinutes, when.Arrival, registered));
    }

    /// <summary>The office's other date, with the coordinator's accept and refuse buttons.</summary>
    public static OutgoingMessage CoordinatorProposed(Session session, SessionTimes when, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(when);
        return new OutgoingMessage
        {
            Text = Texts.Format(language, "Session.Coordinator.Proposed", Html.Escape(session.Code), when.Day(language), when.Start),
            Buttons =
            [
                [ButtonPress.Button(Texts.Get(language, "Session.Button.Accept"), SessionFlow.FlowName, SessionFlow.Accept, session.Code)],
                [ButtonPress.Button(Texts.Get(language, "Session.Button.Refuse"), SessionFlow.FlowName, SessionFlow.Refuse, session.Code)],
            ],
        };
    }

    public static OutgoingMessage CoordinatorRefused(Session session, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OutgoingMessage.Say(Texts.Format(language, "Session.Coordinator.Refused", Html.Escape(session.Code)));
    }

    public static OutgoingMessage CoordinatorDeclined(Session session, OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(office);
        return OutgoingMessage.Say(Texts.Format(
            language, "Session.Coordinator.Declined", Html.Escape(session.Code), Html.Escape(session.DeclineReason), Html.Escape(office.Address), Html.Escape(office.Phone)));
    }

    public static OutgoingMessage CoordinatorThanks(Session session, OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(office);
        return OutgoingMessage.Say(Texts.Format(
            language, "Session.Coordinator.Thanks", Html.Escape(session.Code), Html.Escape(session.OrganisationName), session.ApplicationsTaken ?? 0, Html.Escape(office.Phone)));
    }

    /// <summary>The date and time, where, and what this applicant brings.</summary>
    public static OutgoingMessage ApplicantApproved(Session session, Applicant applicant, SessionTimes when)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(when);
        var language = applicant.Language;
        return OutgoingMessage.Say(Texts.Format(
            language,
            "Session.Applicant.Approved",
            Html.Escape(session.Code),
            Html.Escape(session.OrganisationName),
            when.Day(language),
            when.Start,
            SessionCard.Venue(session),
            SessionChecklist.For(applicant.Passport, session.Purpose, language)));
    }

    /// <summary>The session will not happen (declined or cancelled): the office is still there.</summary>
    public static OutgoingMessage ApplicantCalledOff(Session session, string key, OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(office);
        return OutgoingMessage.Say(Texts.Format(
            language, key, Html.Escape(session.Code), Html.Escape(session.OrganisationName), Html.Escape(office.Address), Html.Escape(office.Phone)));
    }

    /// <summary>The office called off an approved session: the reason, an apology, and how to ask again.</summary>
    public static OutgoingMessage CoordinatorStopped(Session session, DateOnly date, string reason, OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(office);
        return OutgoingMessage.Say(Texts.Format(
            language, "Session.Coordinator.Stopped", Html.Escape(session.Code), WindowText.Day(date, language), Html.Escape(reason), Html.Escape(office.Phone)));
    }

    /// <summary>The office called off the session this applicant was to attend; their coordinator knows.</summary>
    public static OutgoingMessage ApplicantStopped(Session session, DateOnly date, OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(office);
        return OutgoingMessage.Say(Texts.Format(
            language,
            "Session.Applicant.Stopped",
            Html.Escape(session.Code),
            Html.Escape(session.OrganisationName),
            WindowText.Day(date, language),
            Html.Escape(office.Address),
            Html.Escape(office.Phone)));
    }

    /// <summary>An officer's orders for the day: when to arrive, where, whom to call, how many are registered.</summary>
    public static OutgoingMessage OfficerAssigned(Session session, SessionTimes when, int registered, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(when);
        return OutgoingMessage.Say(Texts.Format(
            language,
            "Session.Staff.Assigned",
            Html.Escape(session.Code),
            Html.Escape(session.OrganisationName),
            when.Day(language),
            when.Start,
            when.Arrival,
            SessionCard.Venue(session),
            Html.Escape(session.CoordinatorName),
            Html.Escape(PhoneNumber.Shown(session.CoordinatorPhone)),
            registered));
    }
}

/// <summary>The date, start and arrival of a scheduled (or proposed) session, as they are written out.</summary>
public sealed record SessionTimes(DateOnly Date, TimeOnly Starts, TimeOnly Arrive)
{
    public static SessionTimes Of(Session session, int setupMinutes)
    {
        ArgumentNullException.ThrowIfNull(session);
        var date = session.Date ?? throw new InvalidOperationException("The session has no date.");
        var starts = session.Starts ?? throw new InvalidOperationException("The session has no start.");
        return new SessionTimes(date, starts, SessionCard.Arrival(starts, setupMinutes));
    }

    public string Start => WindowText.Time(Starts);

    public string Arrival => WindowText.Time(Arrive);

    public string Day(Language language) => WindowText.Day(Date, language);
}
