using System.Text;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Parsing;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// One collective session as the officers who go need it: who asked, when to be there, where, how many are coming,
/// whom to call; the pin after the text and, on the day, the button to record how many applications were taken. The
/// coordinator's phone is here on purpose (officers call ahead); it goes to officers' chats and never to a log.
/// Officers are office staff: the card is in Indonesian, like the rest of their schedule.
/// </summary>
public static class SessionCard
{
    private const Language OfficerLanguage = Language.Indonesian;

    /// <param name="registered">Applicants on the roster now.</param>
    /// <param name="setupMinutes">How much earlier than the start officers arrive (Collective:SetupMinutes).</param>
    /// <param name="onTheDay">The session is today: the officers can record what was taken.</param>
    /// <param name="officerNames">Who goes, for a supervisor's view; empty for the officers' own cards.</param>
    /// <param name="stoppable">A supervisor's view: the button to call the session off (an officer fell ill, the unit broke down).</param>
    public static OutgoingMessage For(Session session, int registered, int setupMinutes, bool onTheDay, IReadOnlyList<string> officerNames, bool stoppable = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(officerNames);
        var starts = session.Starts ?? throw new ArgumentException("Only a scheduled session has a card.", nameof(session));
        var language = OfficerLanguage;
        var text = new StringBuilder(Texts.Format(language, "SessionNotice.Card.Heading", Html.Escape(session.Code)));
        Line(text, Texts.Format(language, "SessionNotice.Card.Organisation", KindName(session.Organisation, language), Html.Escape(session.OrganisationName)));
        Line(text, Texts.Format(language, "SessionNotice.Card.Time", WindowText.Time(starts), WindowText.Time(Arrival(starts, setupMinutes))));
        if (!string.IsNullOrWhiteSpace(session.VenueDetails))
        {
            Line(text, Texts.Format(language, "SessionNotice.Card.Venue", Html.Escape(session.VenueDetails)));
        }

        if (!string.IsNullOrWhiteSpace(session.Address))
        {
            Line(text, Texts.Format(language, "SessionNotice.Card.Address", Html.Escape(session.Address)));
        }

        if (session.Point is { } point)
        {
            Line(text, Texts.Format(language, "SessionNotice.Card.Map", Html.Escape(StopCard.MapLink(point))));
        }

        Line(text, Texts.Format(language, "SessionNotice.Card.Roster", registered, session.ExpectedApplicants, PurposeName(session.Purpose, language)));
        Line(text, Texts.Format(language, "SessionNotice.Card.Coordinator", Html.Escape(session.CoordinatorName), Html.Escape(PhoneNumber.Shown(session.CoordinatorPhone))));
        if (officerNames.Count > 0)
        {
            Line(text, Texts.Format(language, "SessionNotice.Card.Officers", string.Join(", ", officerNames.Select(Html.Escape))));
        }

        var buttons = new List<IReadOnlyList<Button>>();
        if (onTheDay)
        {
            buttons.Add([ButtonPress.Button(Texts.Get(language, "SessionNotice.Card.Held"), SessionFlow.FlowName, SessionFlow.Held, session.Code)]);
        }

        if (stoppable)
        {
            buttons.Add([ButtonPress.Button(Texts.Get(language, "Session.Button.Stop"), SessionFlow.FlowName, SessionFlow.Stop, session.Code)]);
        }

        return new OutgoingMessage { Text = text.ToString(), Location = session.Point, Buttons = buttons };
    }

    /// <summary>When the officers arrive to set up the unit: the start less Collective:SetupMinutes.</summary>
    public static TimeOnly Arrival(TimeOnly starts, int setupMinutes) => starts.AddMinutes(-setupMinutes);

    /// <summary>Where the session is, as HTML, for everyone going there: "Aula Masjid Al-Ikhlas, Kec. Pabuaran, Kabupaten Serang".</summary>
    public static string Venue(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new[] { session.VenueDetails, session.Address }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Html.Escape(p!));
        return string.Join(", ", parts);
    }

    public static string KindName(OrganisationKind kind, Language language) => Texts.Get(language, $"SessionNotice.Kind.{kind}");

    public static string PurposeName(SessionPurpose purpose, Language language) => Texts.Get(language, $"SessionNotice.Purpose.{purpose}");

    private static void Line(StringBuilder text, string line) => text.Append('\n').Append(line);
}
