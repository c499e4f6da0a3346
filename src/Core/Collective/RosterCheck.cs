using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>
/// What is wrong with a roster as it stands, as lines a coordinator can act on: too few people for the minimum, a
/// birth date that does not match the NIK, a child who needs both parents there. (Skeleton: being built.)
/// </summary>
public static class RosterCheck
{
    /// <summary>HTML lines, one per problem; empty when the roster is ready.</summary>
    public static IReadOnlyList<string> Problems(Session session, IReadOnlyList<Applicant> roster, int minimumApplicants, DateOnly today, Language language) => [];
}
