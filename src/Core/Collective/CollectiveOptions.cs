using System.ComponentModel.DataAnnotations;

namespace Timpora.Core.Collective;

/// <summary>The <c>Collective</c> section: rules of collective (Umrah) passport sessions.</summary>
public sealed class CollectiveOptions : IValidatableObject
{
    public const string SectionName = "Collective";

    /// <summary>Fewer applicants than this do not justify sending a mobile unit (domain.md §2: 30–50 in practice).</summary>
    [Range(1, 500)]
    public int MinimumApplicants { get; set; } = 30;

    /// <summary>The most one session serves: one mobile unit takes a working day for a few hundred people at most.</summary>
    [Range(1, 2000)]
    public int MaximumApplicants { get; set; } = 300;

    /// <summary>How many days ahead a preferred date must be at least: the office plans, the coordinator gathers the roster.</summary>
    [Range(1, 90)]
    public int MinimumLeadDays { get; set; } = 7;

    /// <summary>How many days ahead a preferred date may be at most, counted from today in office time.</summary>
    [Range(7, 365)]
    public int HorizonDays { get; set; } = 90;

    /// <summary>When a morning session starts unless the supervisor picks another time (office time).</summary>
    public TimeOnly MorningStarts { get; set; } = new(8, 0);

    /// <summary>When an afternoon session starts unless the supervisor picks another time (office time).</summary>
    public TimeOnly AfternoonStarts { get; set; } = new(13, 0);

    /// <summary>How long before the start officers arrive to set up the unit (camera, backdrop, fingerprint reader, laptop).</summary>
    [Range(0, 180)]
    public int SetupMinutes { get; set; } = 30;

    /// <summary>When coordinators and applicants get their reminders on the days before (office time).</summary>
    public TimeOnly ReminderAt { get; set; } = new(9, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaximumApplicants < MinimumApplicants)
        {
            yield return new ValidationResult(
                $"is {MaximumApplicants}, below MinimumApplicants ({MinimumApplicants}): no group could ever be requested.",
                [nameof(MaximumApplicants)]);
        }

        if (HorizonDays <= MinimumLeadDays)
        {
            yield return new ValidationResult(
                $"is {HorizonDays}, not beyond MinimumLeadDays ({MinimumLeadDays}): no date could ever be proposed.",
                [nameof(HorizonDays)]);
        }

        if (AfternoonStarts <= MorningStarts)
        {
            yield return new ValidationResult("must be later than MorningStarts.", [nameof(AfternoonStarts)]);
        }
    }
}
