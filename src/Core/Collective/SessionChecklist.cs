using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>What each applicant brings to a collective session (domain.md §2, §3), shown on joining and in reminders.</summary>
public static class SessionChecklist
{
    public static string For(PassportKind passport, SessionPurpose purpose, Language language)
    {
        var documents = Texts.Get(language, passport == PassportKind.New ? "Collective.Checklist.New" : "Collective.Checklist.Replacement");
        var pilgrim = purpose is SessionPurpose.Umrah or SessionPurpose.Hajj ? "\n\n" + Texts.Get(language, "Collective.Checklist.Pilgrim") : "";
        return documents + pilgrim + "\n\n" + Texts.Get(language, "Collective.Checklist.Payment");
    }

    /// <summary>For the coordinator, whose group may hold both: new passports and replacements.</summary>
    public static string ForGroup(SessionPurpose purpose, Language language) =>
        Texts.Get(language, "Collective.Checklist.ForNew") + "\n" + Texts.Get(language, "Collective.Checklist.New") + "\n\n"
        + Texts.Get(language, "Collective.Checklist.ForReplacement") + "\n" + For(PassportKind.Replacement, purpose, language);
}
