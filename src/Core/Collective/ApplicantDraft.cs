namespace Timpora.Core.Collective;

/// <summary>
/// An applicant's answers while they register through a join link; kept with the conversation until they confirm or
/// leave. The session travels by its code (the link's payload), with its purpose, which decides the name rule.
/// </summary>
public sealed class ApplicantDraft
{
    public string Code { get; set; } = "";

    public SessionPurpose Purpose { get; set; }

    public string? FullName { get; set; }

    public string? Nik { get; set; }

    public DateOnly? BirthDate { get; set; }

    public PassportKind? Passport { get; set; }

    public string? Phone { get; set; }
}
