namespace Timpora.Core.Visits;

/// <summary>The last reminder a visit got for its current window; a new window starts again at none.</summary>
public enum ReminderStage
{
    None,
    EveningBefore,
    HoursBefore,
}
