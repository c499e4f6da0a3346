using System.Text;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Parsing;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// A session request as a supervisor decides on it: who asks, who to call, why, how many, where, and when they would
/// like the officers, with the approve, propose and decline buttons, and the venue's pin as a message of its own. The
/// coordinator's phone is here on purpose (the office calls before it decides); it goes to staff chats, never to a log.
/// </summary>
public static class SessionOfficeCard
{
    /// <summary>The card, then the pin when the coordinator shared one.</summary>
    public static IEnumerable<OutgoingMessage> Messages(Session session, Language language, string? headingHtml = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        yield return For(session, language, headingHtml);
        if (session.Point is { IsValid: true } point)
        {
            yield return new OutgoingMessage { Location = point };
        }
    }

    public static OutgoingMessage For(Session session, Language language, string? headingHtml = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        if (headingHtml is not null)
        {
            text.Append(headingHtml).Append("\n\n");
        }

        text.Append(Texts.Format(language, "Session.Card.Heading", Html.Escape(session.Code)));
        Line(text, Texts.Format(language, "Session.Card.Organisation", Organisation(session.Organisation, language), Html.Escape(session.OrganisationName)));
        Line(text, Texts.Format(language, "Session.Card.Coordinator", Html.Escape(session.CoordinatorName), Html.Escape(PhoneNumber.Shown(session.CoordinatorPhone))));
        Line(text, Texts.Format(language, "Session.Card.Purpose", Purpose(session.Purpose, language), session.ExpectedApplicants));
        if (!string.IsNullOrWhiteSpace(session.Address))
        {
            Line(text, Texts.Format(language, "Session.Card.Address", Html.Escape(session.Address)));
        }

        Line(text, Texts.Format(language, "Session.Card.Venue", Html.Escape(session.VenueDetails)));
        Line(text, Texts.Get(language, "Session.Card.Facilities"));
        if (session.Point is { IsValid: true } point)
        {
            Line(text, Texts.Format(language, "Session.Card.Map", Html.Escape(StopCard.MapLink(point))));
        }

        Line(text, Texts.Get(language, "Session.Card.Dates"));
        foreach (var preferred in session.PreferredDates)
        {
            Line(text, "• " + When(preferred, language));
        }

        return new OutgoingMessage { Text = text.ToString(), Buttons = Buttons(session.Code, language) };
    }

    /// <summary>The three decisions, one to a row: the labels are long and a wrong tap here matters.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(string code, Language language) =>
    [
        [ButtonPress.Button(Texts.Get(language, "Session.Button.Approve"), SessionFlow.FlowName, SessionFlow.Approve, code)],
        [ButtonPress.Button(Texts.Get(language, "Session.Button.Propose"), SessionFlow.FlowName, SessionFlow.Propose, code)],
        [ButtonPress.Button(Texts.Get(language, "Session.Button.Decline"), SessionFlow.FlowName, SessionFlow.Decline, code)],
    ];

    public static string Organisation(OrganisationKind kind, Language language) => Texts.Get(language, $"Session.Org.{kind}");

    public static string Purpose(SessionPurpose purpose, Language language) => Texts.Get(language, $"Session.Purpose.{purpose}");

    public static string Part(DayPart part, Language language) => Texts.Get(language, $"Session.Part.{part}");

    public static string Status(SessionStatus status, Language language) => Texts.Get(language, $"Session.Status.{status}");

    /// <summary>"Senin, 12 Januari 2026, pagi".</summary>
    public static string When(PreferredDate preferred, Language language)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        return $"{WindowText.Day(preferred.Date, language)}, {Part(preferred.Part, language)}";
    }

    private static void Line(StringBuilder text, string line) => text.Append('\n').Append(line);
}
