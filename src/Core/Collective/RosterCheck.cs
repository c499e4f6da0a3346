using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Collective;

/// <summary>
/// What is wrong with a roster as it stands, as lines a coordinator can act on: too few people for the minimum, a
/// birth date that does not match the NIK, a child who needs both parents there, and (for information) people the
/// file added who will not get reminders until they open the link.
/// </summary>
public static class RosterCheck
{
    /// <summary>Names listed in one line before "and N more": the line must stay readable on a phone.</summary>
    public const int NamesPerLine = 10;

    /// <summary>Below this age a passport needs both parents and their documents (domain.md §3).</summary>
    public const int AdultAge = 17;

    /// <summary>HTML lines, one per problem; empty when the roster is ready.</summary>
    /// <param name="today">Today in office time: a child's age counts on the session's date, or today before there is one.</param>
    public static IReadOnlyList<string> Problems(Session session, IReadOnlyList<Applicant> roster, int minimumApplicants, DateOnly today, Language language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(roster);
        var lines = new List<string>();
        if (roster.Count < minimumApplicants)
        {
            lines.Add(Texts.Format(language, "Roster.Problem.TooFew", roster.Count, minimumApplicants, minimumApplicants - roster.Count));
        }

        var differs = roster.Where(a => BirthDates.DiffersFromNik(a.Nik, a.BirthDate)).ToList();
        if (differs.Count > 0)
        {
            lines.Add(Texts.Format(language, "Roster.Problem.NikDate", differs.Count, Names(differs, language)));
        }

        var on = session.Date ?? today;
        var children = roster.Where(a => BirthDates.AgeOn(a.BirthDate, on) < AdultAge).ToList();
        if (children.Count > 0)
        {
            lines.Add(Texts.Format(language, "Roster.Problem.Children", children.Count, Names(children, language), AdultAge));
        }

        var unlinked = roster.Count(a => a.Chat is null);
        if (unlinked > 0)
        {
            lines.Add(Texts.Format(language, "Roster.Problem.NotLinked", unlinked));
        }

        return lines;
    }

    private static string Names(List<Applicant> people, Language language)
    {
        var names = string.Join(", ", people.Take(NamesPerLine).Select(a => Html.Escape(a.FullName)));
        return people.Count > NamesPerLine ? names + " " + Texts.Format(language, "Roster.AndMore", people.Count - NamesPerLine) : names;
    }
}
