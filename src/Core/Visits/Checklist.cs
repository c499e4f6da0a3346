using Timpora.Core.Conversations;

namespace Timpora.Core.Visits;

/// <summary>The documents to have ready for a service (domain.md §3), shown after the choice, on booking and in reminders.</summary>
public static class Checklist
{
    public static string For(VisitService service, Language language) => Texts.Get(language, service switch
    {
        VisitService.NewPassport => "Visit.Checklist.NewPassport",
        VisitService.PassportReplacement => "Visit.Checklist.PassportReplacement",
        VisitService.StayPermit => "Visit.Checklist.StayPermit",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "No checklist for this service."),
    });
}
