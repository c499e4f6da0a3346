using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Timpora.Core.Scheduling;

/// <summary>The <c>JemputBola</c> section: when officers visit, how many, and when they and the applicants hear about it.</summary>
public sealed class JemputBolaOptions : IValidatableObject
{
    public const string SectionName = "JemputBola";

    /// <summary>
    /// The visit windows of a working day. Empty here on purpose: the binder appends to a list that already has items,
    /// so defaults in code would double every window that appsettings.json lists.
    /// </summary>
    public List<VisitWindow> Windows { get; set; } = [];

    /// <summary>How many units (see <see cref="CapacityUnit"/>) one window takes: one mobile unit serves them one after another.</summary>
    [Range(1, 100)]
    public int CapacityPerWindow { get; set; } = 4;

    public CapacityUnit CapacityUnit { get; set; } = CapacityUnit.Applicants;

    /// <summary>People served at the same place in one visit (a patient and family).</summary>
    [Range(1, 20)]
    public int MaxApplicants { get; set; } = 5;

    [Range(0, 720)]
    public int MinimumLeadHours { get; set; } = 24;

    /// <summary>How many days ahead a visit can be booked, counted from today in office time.</summary>
    [Range(1, 365)]
    public int HorizonDays { get; set; } = 30;

    /// <summary>When officers get the day's schedule (office time).</summary>
    public TimeOnly ScheduleAt { get; set; } = new(6, 0);

    /// <summary>When applicants are reminded of tomorrow's visit (office time).</summary>
    public TimeOnly EveningReminderAt { get; set; } = new(18, 0);

    /// <summary>How long before the window starts applicants get a last reminder.</summary>
    [Range(1, 12)]
    public int SoonReminderHours { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CapacityUnit == CapacityUnit.Applicants && MaxApplicants > CapacityPerWindow)
        {
            yield return new ValidationResult(
                $"is {MaxApplicants}, but a window holds only {CapacityPerWindow} applicants (CapacityPerWindow): a group that large could never be booked.",
                [nameof(MaxApplicants)]);
        }

        if (Windows.Count == 0)
        {
            yield return new ValidationResult("list at least one visit window, e.g. { \"Starts\": \"09:00\", \"Ends\": \"11:00\" }.", [nameof(Windows)]);
            yield break;
        }

        for (var i = 0; i < Windows.Count; i++)
        {
            var window = Windows[i];
            if (window is null)
            {
                yield return new ValidationResult($"window {i} is empty.", [nameof(Windows)]);
                yield break;
            }

            if (window.Starts >= window.Ends)
            {
                yield return new ValidationResult($"window {i} ({window}) must start before it ends.", [nameof(Windows)]);
            }

            // A slot's key holds hours and minutes only; a start with seconds could never be matched back.
            if (window.Starts.Second != 0 || window.Starts.Millisecond != 0 || window.Ends.Second != 0 || window.Ends.Millisecond != 0)
            {
                yield return new ValidationResult($"window {i} must start and end on a whole minute.", [nameof(Windows)]);
            }
        }

        var ordered = Windows.OrderBy(w => w.Starts).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Starts < ordered[i - 1].Ends)
            {
                yield return new ValidationResult(
                    $"windows {ordered[i - 1]} and {ordered[i]} overlap.",
                    [nameof(Windows)]);
            }
        }
    }
}

public sealed class VisitWindow
{
    public TimeOnly Starts { get; set; }

    public TimeOnly Ends { get; set; }

    public override string ToString() =>
        $"{Starts.ToString("HH:mm", CultureInfo.InvariantCulture)}–{Ends.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>What <see cref="JemputBolaOptions.CapacityPerWindow"/> counts.</summary>
public enum CapacityUnit
{
    /// <summary>People served: a visit for three family members takes three.</summary>
    Applicants,

    /// <summary>Places visited: any visit takes one, however many people it serves.</summary>
    Visits,
}
