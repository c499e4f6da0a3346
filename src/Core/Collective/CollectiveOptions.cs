using System.ComponentModel.DataAnnotations;

namespace Timpora.Core.Collective;

/// <summary>The <c>Collective</c> section: rules of collective (Umrah) passport sessions.</summary>
public sealed class CollectiveOptions
{
    public const string SectionName = "Collective";

    /// <summary>Fewer applicants than this do not justify sending a mobile unit (domain.md §2: 30–50 in practice).</summary>
    [Range(1, 500)]
    public int MinimumApplicants { get; set; } = 30;
}
