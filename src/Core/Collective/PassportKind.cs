namespace Timpora.Core.Collective;

/// <summary>What an applicant asks for; lost and damaged passports need a BAP interview at the office (domain.md §2).</summary>
public enum PassportKind
{
    New,

    /// <summary>An expired or full passport.</summary>
    Replacement,
}
