namespace Timpora.Core.Collective;

/// <summary>
/// The last reminder someone had for a session, in the order they fall due. A coordinator has the week and the day
/// before; an applicant has three days and the day before. Only ever moves forward, so nothing is sent twice.
/// </summary>
public enum SessionReminder
{
    None,
    WeekBefore,
    ThreeDaysBefore,
    DayBefore,
}
