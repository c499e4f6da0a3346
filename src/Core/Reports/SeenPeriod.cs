namespace Timpora.Core.Reports;

/// <summary>When the reporter saw it, as they chose: a period, or a day they typed.</summary>
public enum SeenPeriod
{
    Today = 1,
    Yesterday = 2,
    ThisWeek = 3,
    Earlier = 4,
    OnDate = 5,
}
